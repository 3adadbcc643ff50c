// How a value to insert is written: as block lines (each with its indentation) or as one piece of flow text.
// insertKey and insertListItem take their values in this form, so both write them the same way.
import { yamlScalar } from './layout';

/**
 * A value to insert: a string (written as a scalar, quoted when it must be), raw YAML text (written as is:
 * the caller knows it is safe, e.g. `[A, B]` or a checked URL), a mapping of entries, or a list.
 */
export type InsertValue = string | { raw: string } | InsertEntry[] | { list: InsertValue[] };
export interface InsertEntry {
  key: string;
  value: InsertValue;
}

function isList(value: InsertValue): value is { list: InsertValue[] } {
  return typeof value === 'object' && 'list' in value;
}

/** A scalar or raw value's text. */
function scalarText(value: string | { raw: string }, flow: boolean): string {
  return typeof value === 'string' ? yamlScalar(value, flow) : value.raw;
}

/** The lines of an entry in block style, the key at `column`, nested blocks `unit` further in. */
export function entryLines(entry: InsertEntry, column: number, unit: number): string[] {
  const pad = ' '.repeat(column);
  const { value } = entry;
  if (Array.isArray(value)) {
    return [`${pad}${entry.key}:`, ...value.flatMap((child) => entryLines(child, column + unit, unit))];
  }
  if (isList(value)) {
    if (!value.list.length) return [`${pad}${entry.key}: []`];
    return [
      `${pad}${entry.key}:`,
      ...value.list.flatMap((item) => itemLines(item, column + unit, column + unit + 2, unit)),
    ];
  }
  return [`${pad}${entry.key}: ${scalarText(value, false)}`];
}

/** The lines of a block list item: `- ` at `dashColumn`, a mapping's keys at `keyColumn`. */
export function itemLines(item: InsertValue, dashColumn: number, keyColumn: number, unit: number): string[] {
  const dash = ' '.repeat(dashColumn) + '-';
  if (Array.isArray(item) && item.length) {
    const lines = item.flatMap((entry) => entryLines(entry, keyColumn, unit));
    lines[0] = dash + ' '.repeat(Math.max(1, keyColumn - dashColumn - 1)) + lines[0]!.trimStart();
    return lines;
  }
  return [`${dash} ${flowValue(item, false)}`];
}

/** A value in flow style (`{a: 1, b: [x]}`); a scalar at the top of a block item is written for block context. */
export function flowValue(value: InsertValue, flow = true): string {
  if (Array.isArray(value)) return `{${value.map((e) => `${e.key}: ${flowValue(e.value)}`).join(', ')}}`;
  if (isList(value)) return `[${value.list.map((item) => flowValue(item)).join(', ')}]`;
  return scalarText(value, flow);
}
