// Walks the zod schema of the format by a path of keys and list indexes: what hover, completion and the
// schema check ask ("what is allowed here, and what are its docs").
import { z } from 'zod';
import { sinchcpFile } from './format';
import { keyDocs, type KeyDoc } from './keyDocs';

export type SchemaPath = readonly (string | number)[];

/** Removes optional/nullable/default wrappers. */
export function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (let i = 0; i < 10; i++) {
    const def = current.def as { type: string; innerType?: z.ZodType };
    if ((def.type === 'optional' || def.type === 'nullable' || def.type === 'default') && def.innerType) {
      current = def.innerType;
    } else break;
  }
  return current;
}

/** The schema node at a path (indexes step into lists), or undefined when the path leaves the format. */
export function schemaAt(path: SchemaPath, root: z.ZodType = sinchcpFile): z.ZodType | undefined {
  let current: z.ZodType | undefined = root;
  for (const segment of path) {
    if (!current) return undefined;
    const node = unwrap(current);
    if (typeof segment === 'number') {
      current = node instanceof z.ZodArray ? (node.element as z.ZodType) : undefined;
    } else {
      // Own keys only: a key written `toString` or `__proto__` must not find Object.prototype's members.
      const shape = node instanceof z.ZodObject ? (node.shape as Record<string, z.ZodType>) : undefined;
      current = shape && Object.hasOwn(shape, segment) ? shape[segment] : undefined;
    }
  }
  return current;
}

/** The documentation of a key (the schema node at the path, or its unwrapped form). */
export function docAt(path: SchemaPath): KeyDoc | undefined {
  const node = schemaAt(path);
  if (!node) return undefined;
  return keyDocs.get(node) ?? keyDocs.get(unwrap(node));
}

/** The keys an object at this path may have, with whether each is required. */
export function keysAt(path: SchemaPath): { key: string; required: boolean; doc?: KeyDoc }[] {
  const node = schemaAt(path);
  const object = node && unwrap(node);
  if (!(object instanceof z.ZodObject)) return [];
  return Object.entries(object.shape as Record<string, z.ZodType>).map(([key, child]) => ({
    key,
    required: !isOptional(child),
    doc: keyDocs.get(child) ?? keyDocs.get(unwrap(child)),
  }));
}

export function isOptional(schema: z.ZodType): boolean {
  const type = (schema.def as { type: string }).type;
  return type === 'optional';
}

/** The allowed values of an enum at this path (or of a list's items), else undefined. */
export function enumValuesAt(path: SchemaPath): string[] | undefined {
  const node = schemaAt(path);
  if (!node) return undefined;
  let inner = unwrap(node);
  if (inner instanceof z.ZodArray) inner = unwrap(inner.element as z.ZodType);
  return inner instanceof z.ZodEnum ? (inner.options as string[]) : undefined;
}
