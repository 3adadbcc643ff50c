// Documentation carried by each key of the format. Hover, completion and the README's key table read it;
// the JSON Schema export carries it too (as `description` plus the extra fields).
import { z } from 'zod';

export interface KeyDoc {
  /** One line: what the key is. The first line of hover and completion docs. */
  description: string;
  /** Where the value comes from (Sinch dashboard path, or the admin's own choice). */
  source?: string;
  /** Where the value goes in Contact Pro's System Configurator (SC) or the Sinch dashboard. */
  destination?: string;
  /** The expected form, in words. */
  expected?: string;
  /** An example value as written in the file. */
  example?: string;
  /** Rules that check this key. */
  rules?: string[];
  /**
   * The rule that owns this value's content check. Schema validation still checks the key is present,
   * but leaves a wrong value to that rule, so one mistake is reported once, by the rule that explains it best.
   */
  ownedBy?: string;
}

export const keyDocs = z.registry<KeyDoc>();

/** Attaches documentation to a schema node (and returns it, for inline use). */
export function documented<T extends z.ZodType>(schema: T, doc: KeyDoc): T {
  keyDocs.add(schema, doc);
  return schema;
}
