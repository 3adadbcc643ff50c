// How findings read in VS Code: values quoted the way VS Code's own messages quote them ('value'), not in Markdown
// backticks, which the Problems view shows as they are (applied to every rule's messages and fix titles in
// registry.ts). The Problems view shows a message's first line, the hover all of it, so a long message's first
// sentence belongs on a line of its own (firstSentenceFirst): what is wrong and what to write, in about 100
// characters; where to look and why follow on the next line. The CLI prints the later lines indented beneath.

/** `value` → 'value' ("value" when it holds a single quote, or a possessive `'s` follows). */
export function quoteValues(text: string): string {
  return text.replace(/`([^`\n]*)`(?=('s\b)?)/g, (_, value: string, possessive?: string) =>
    value.includes("'") || possessive ? `"${value}"` : `'${value}'`,
  );
}

/** A first line longer than this is split after its first sentence. */
const FIRST_LINE = 100;

/**
 * The message with its first sentence on a line of its own, when the message is longer than a line. A sentence
 * ends at `.`, `?` or `!` followed by a space; not inside quotes or parentheses (`'…/messages:send'. Expected`).
 */
export function firstSentenceFirst(message: string): string {
  if (message.includes('\n') || message.length <= FIRST_LINE) return message;
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < message.length - 1; i++) {
    const c = message[i]!;
    if (quote) {
      if (c === quote && !/\w/.test(message[i + 1] ?? '')) quote = undefined;
      continue;
    }
    if ((c === "'" || c === '"') && !/\w/.test(message[i - 1] ?? '')) quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && /[.?!]/.test(c) && message[i + 1] === ' ' && i > 10) {
      const rest = message.slice(i + 2).trim();
      return rest ? `${message.slice(0, i + 1)}\n${rest}` : message;
    }
  }
  return message;
}
