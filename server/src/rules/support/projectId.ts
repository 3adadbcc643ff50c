// The Conversation API project ID as the file declares it, and the placeholders the help pages write for it.
import type { ParsedDocument } from '../../parse/parsedDocument';
import { UUID_PATTERN } from '../../schema/domain';

/** A project ID placeholder as the help pages write it: `[project ID]`, `{projectId}`, `<project-id>`, `project ID`. */
export function isPlaceholder(text: string): boolean {
  return /[[\]{}<>]|\s/.test(text) || /^(your)?[-_]?project[-_ ]?id$/i.test(text);
}

/** The declared project ID, when it is a UUID. */
export function declaredProjectId(doc: ParsedDocument): string | undefined {
  const text = doc.model.conversationApi?.projectId?.text?.trim();
  return text && UUID_PATTERN.test(text) ? text : undefined;
}
