// In-file suppression comments (docs/format.md#severities-and-silencing):
//   # sinchcp-disable-next-line rule-a, rule-b   → those rules (or all, without names) on the next line
//   # sinchcp-disable rule-a                      → that rule (or all) in the whole file
export interface Directives {
  /** Rules disabled for the whole file; '*' means all. */
  file: Set<string>;
  /** 0-based line → rules disabled on that line; '*' means all. */
  lines: Map<number, Set<string>>;
}

const DIRECTIVE = /^\s*#\s*sinchcp-(disable-next-line|disable)\b(.*)$/;

export function readDirectives(text: string): Directives {
  const directives: Directives = { file: new Set(), lines: new Map() };
  if (!text.includes('sinchcp-disable')) return directives;
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((line, index) => {
    const match = DIRECTIVE.exec(line);
    if (!match) return;
    const names = parseRuleList(match[2] ?? '');
    const target = match[1] === 'disable' ? directives.file : lineSet(directives, index + 1);
    for (const name of names.length ? names : ['*']) target.add(name);
  });
  return directives;
}

/** Rule names after the directive; a ` -- reason` or `#` tail is a comment about the directive. */
export function parseRuleList(tail: string): string[] {
  const names = tail.split(/\s--\s|#/)[0] ?? '';
  return names.split(/[\s,]+/).filter((n) => n.length > 0);
}

function lineSet(directives: Directives, line: number): Set<string> {
  let set = directives.lines.get(line);
  if (!set) directives.lines.set(line, (set = new Set()));
  return set;
}

export function isSuppressed(directives: Directives, rule: string, line: number): boolean {
  if (directives.file.has('*') || directives.file.has(rule)) return true;
  const set = directives.lines.get(line);
  return !!set && (set.has('*') || set.has(rule));
}
