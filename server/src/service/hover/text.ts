// Hover text kept as both Markdown and plain text, so the same provider serves clients with and without
// Markdown hover. Our own doc texts (KeyDoc, domain.ts) are trusted Markdown; anything taken from the user's
// file is escaped (Markdown) or wrapped in a code span that cannot be broken out of.

export interface Text {
  markdown: string;
  plain: string;
}

/** Trusted Markdown from the project's own docs (inline code only); the plain form drops the backticks. */
export function doc(markdown: string): Text {
  return { markdown, plain: markdown.replace(/`/g, '') };
}

/** Text from the user's file, shown as is. */
export function literal(text: string): Text {
  return { markdown: text.replace(/[\\`*_{}[\]()<>#+|~!-]/g, (c) => `\\${c}`), plain: text };
}

/** Text from the user's file in a code span (a fence longer than any backtick run inside it). */
export function code(text: string): Text {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return { markdown: `${fence}${pad}${text}${pad}${fence}`, plain: text };
}

export function bold(text: Text): Text {
  return { markdown: `**${text.markdown}**`, plain: text.plain };
}

/** Joins parts: strings are trusted Markdown (as `doc`). */
export function join(...parts: (Text | string)[]): Text {
  const texts = parts.map((p) => (typeof p === 'string' ? doc(p) : p));
  return { markdown: texts.map((t) => t.markdown).join(''), plain: texts.map((t) => t.plain).join('') };
}

export function list(items: Text[], separator = ', '): Text {
  return {
    markdown: items.map((t) => t.markdown).join(separator),
    plain: items.map((t) => t.plain).join(separator),
  };
}

/**
 * A hover: the first line says what the thing is; then one short line per fact. In Markdown the facts are a
 * bullet list; in plain text, one line each.
 */
export interface HoverText {
  title: Text;
  facts: Text[];
}

export function render(hover: HoverText, markdown: boolean): string {
  if (markdown) {
    const facts = hover.facts.map((f) => `- ${f.markdown}`).join('\n');
    return facts ? `${hover.title.markdown}\n\n${facts}` : hover.title.markdown;
  }
  return [hover.title.plain, ...hover.facts.map((f) => f.plain)].join('\n');
}
