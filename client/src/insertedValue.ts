// Where the cursor goes after a quick fix that inserts a field for the admin to fill in (`smsSenderId: ""`):
// between the quotes of the inserted empty value. Pure (no `vscode` import) so it is unit-tested on its own.

export interface Position {
  line: number;
  character: number;
}

/** An empty quoted value of a key, `key: ""` or `key: ''`: the cursor goes between the quotes. */
const EMPTY_VALUE = /:[ \t]*(""|'')/;

/**
 * The position, in the document after the edit, between the quotes of the empty value that `newText` inserts at
 * `start`; undefined when the edit inserts no empty value.
 */
export function emptyValuePosition(start: Position, newText: string): Position | undefined {
  const match = EMPTY_VALUE.exec(newText);
  if (!match) return undefined;
  const inside = match.index + match[0].length - 1; // just after the opening quote
  const before = newText.slice(0, inside);
  const lastBreak = before.lastIndexOf('\n');
  if (lastBreak < 0) return { line: start.line, character: start.character + inside };
  return { line: start.line + before.split('\n').length - 1, character: inside - lastBreak - 1 };
}
