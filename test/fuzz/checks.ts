// What the fuzz checks on every answer: that each range lies inside the document, and what text a user would
// see (messages, hover, completion items, symbols, code-action titles, rename placeholders), to search for the
// planted secrets.
import type {
  CodeAction,
  Command,
  CompletionItem,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  Hover,
} from 'vscode-languageserver-types';

/** Line lengths of a text, with the line breaks LSP counts (\r\n, \r, \n). */
export function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((line) => line.length);
}

interface Position {
  line: number;
  character: number;
}
const isPosition = (value: unknown): value is Position =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Position).line === 'number' &&
  typeof (value as Position).character === 'number';

/** Every range anywhere in `value` that is not inside the document (or ends before it starts), described. */
export function rangesOutside(value: unknown, lengths: readonly number[]): string[] {
  const problems: string[] = [];
  const inside = (p: Position) =>
    Number.isInteger(p.line) &&
    Number.isInteger(p.character) &&
    p.line >= 0 &&
    p.line < lengths.length &&
    p.character >= 0 &&
    p.character <= lengths[p.line]!;
  const visit = (node: unknown, path: string) => {
    if (typeof node !== 'object' || node === null) return;
    const candidate = node as { start?: unknown; end?: unknown };
    if (isPosition(candidate.start) && isPosition(candidate.end)) {
      const { start, end } = candidate;
      const ordered = start.line < end.line || (start.line === end.line && start.character <= end.character);
      if (!inside(start) || !inside(end) || !ordered) {
        problems.push(
          `${path}: ${start.line}:${start.character}-${end.line}:${end.character} (${lengths.length} lines)`,
        );
      }
    }
    for (const [key, child] of Object.entries(node)) visit(child, path ? `${path}.${key}` : key);
  };
  visit(value, '');
  return problems;
}

/** The text of an answer that the editor shows or keeps, per method. */
export function shownText(method: string, result: unknown): string[] {
  if (result === null || result === undefined) return [];
  switch (method) {
    case 'publishDiagnostics':
      return (result as Diagnostic[]).flatMap((d) => [
        d.message,
        JSON.stringify(d.data ?? null),
        JSON.stringify(d.relatedInformation ?? null),
        String(d.code ?? ''),
      ]);
    case 'textDocument/hover':
      return [JSON.stringify((result as Hover).contents)];
    case 'textDocument/completion':
      return ((result as Partial<CompletionList>).items ?? (result as CompletionItem[])).flatMap((item) => [
        item.label,
        item.detail ?? '',
        JSON.stringify(item.documentation ?? ''),
        item.textEdit?.newText ?? '',
        item.insertText ?? '',
        JSON.stringify(item.labelDetails ?? ''),
      ]);
    case 'textDocument/documentSymbol': {
      const names: string[] = [];
      const visit = (symbol: DocumentSymbol) => {
        names.push(symbol.name, symbol.detail ?? '');
        (symbol.children ?? []).forEach(visit);
      };
      (result as DocumentSymbol[]).forEach(visit);
      return names;
    }
    case 'textDocument/codeAction':
      return (result as (CodeAction | Command)[]).flatMap((action) => [
        action.title,
        JSON.stringify(action.command ?? null),
      ]);
    case 'textDocument/prepareRename':
      return [(result as { placeholder?: string }).placeholder ?? ''];
    default:
      return [];
  }
}

/** The planted secrets that occur in `texts`, in any letter case. */
export function secretsIn(texts: readonly string[], secrets: readonly string[]): string[] {
  if (!secrets.length) return [];
  const haystack = texts.join('\n').toLowerCase();
  return secrets.filter((secret) => haystack.includes(secret.toLowerCase()));
}

/** The first text that shows a planted secret, with every secret masked (so the report itself shows none). */
export function leakExcerpt(texts: readonly string[], secrets: readonly string[]): string {
  const found = texts.find((text) => secretsIn([text], secrets).length) ?? '';
  let masked = found;
  for (const secret of secrets) masked = masked.replace(new RegExp(secret, 'gi'), '<SECRET>');
  const at = Math.max(0, masked.indexOf('<SECRET>') - 80);
  return JSON.stringify(masked.slice(at, at + 200));
}
