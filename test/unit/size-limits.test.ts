// Files beyond what sinchcp analyses (total size, one line's length, the number of list items and keys) get one
// yaml-syntax finding saying which limit and what to do, without being parsed; a file just within each limit is
// analysed as usual. Completion and hover on such a file answer at once with nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CST, Lexer } from 'yaml';
import { parseText } from '../../server/src/parse/parsedDocument';
import { MAX_ENTRIES, MAX_LINE_LENGTH, MAX_TEXT_LENGTH } from '../../server/src/parse/limits';
import { diagnose } from '../../server/src/service/diagnostics';
import { defaultSettings } from '../../server/src/service/settings';
import { complete, sourceOf } from '../../server/src/service/completion';
import { hoverAt } from '../../server/src/service/hover';

const VALID = readFileSync(join(__dirname, '..', '..', 'examples', 'acme-eu.sinchcp.yaml'), 'utf8');
const WHAT_TO_DO =
  'A Contact Pro configuration is a few hundred lines: remove what was pasted by mistake (logs, exports, repeated lines), or split the file.';

function brief(text: string) {
  return diagnose(parseText(text), defaultSettings).map((d) => ({
    code: d.code,
    range: [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character],
    message: d.message,
  }));
}

/** The example followed by comment lines of `width` characters, up to exactly `length` characters. */
function padded(length: number, width = 99): string {
  let text = VALID;
  while (text.length + width + 1 <= length) text += `#${'x'.repeat(width - 1)}\n`;
  const rest = length - text.length;
  if (rest > 0) text += rest === 1 ? '\n' : `#${'x'.repeat(rest - 2)}\n`;
  assert.equal(text.length, length);
  return text;
}

test('a file over the size limit: one finding at its start, nothing else is checked', () => {
  const text = padded(MAX_TEXT_LENGTH + 1);
  assert.deepEqual(brief(text), [
    {
      code: 'yaml-syntax',
      range: [0, 0, 0, 1],
      message: `This file has 1,000,001 characters, more than the 1,000,000 (about 20,000 lines) sinchcp checks, so it is not checked.\n${WHAT_TO_DO}`,
    },
  ]);
});

test('a file of exactly the size limit is analysed', () => {
  assert.deepEqual(brief(padded(MAX_TEXT_LENGTH)), []);
});

test('a line over the length limit: one finding at that line', () => {
  const lines = VALID.split('\n');
  lines.splice(3, 0, `# ${'y'.repeat(MAX_LINE_LENGTH - 1)}`);
  assert.deepEqual(brief(lines.join('\n')), [
    {
      code: 'yaml-syntax',
      range: [3, 0, 3, 1],
      message: `Line 4 has 10,001 characters, more than the 10,000 sinchcp checks on one line, so the file is not checked.\n${WHAT_TO_DO}`,
    },
  ]);
  lines[3] = `# ${'y'.repeat(MAX_LINE_LENGTH - 2)}`;
  assert.deepEqual(brief(lines.join('\n')), []);
  // Line breaks as the editor counts them: a lone CR ends a line too.
  assert.ok(!brief(lines.join('\r')).some((d) => /sinchcp checks on one line/.test(d.message)));
});

/** List items and keys as the limit counts them: `,` in brackets and every `- `, `? `, `: `. */
function entries(text: string): number {
  let count = 0;
  for (const lexeme of new Lexer().lex(text)) {
    const type = CST.tokenType(lexeme);
    if (type === 'comma' || type === 'seq-item-ind' || type === 'map-value-ind' || type === 'explicit-key-ind') count++;
  }
  return count;
}

/** The example with its first channels list grown, over several lines, to make the file hold `total` entries. */
function withEntries(total: number): string {
  const base = entries(VALID);
  const extra = total - base;
  const items = Array<string>(extra + 2).fill('WHATSAPP');
  const rows: string[] = [];
  for (let i = 0; i < items.length; i += 20) rows.push(items.slice(i, i + 20).join(', '));
  const text = VALID.replace('channels: [WHATSAPP, SINCH_CHAT]', `channels: [${rows.join(',\n        ')}]`);
  assert.equal(entries(text), total);
  return text;
}

test('a file over the entry limit: one finding at the entry past it', () => {
  const text = withEntries(MAX_ENTRIES + 1);
  const found = brief(text);
  assert.equal(found.length, 1);
  assert.equal(found[0]!.code, 'yaml-syntax');
  assert.equal(
    found[0]!.message,
    `This file has more than 50,000 list items and keys (the one here is past that), more than sinchcp checks, so it is not checked.\n${WHAT_TO_DO}`,
  );
  const [line, character] = found[0]!.range;
  assert.ok(
    [',', ':', '-', '?'].includes(text.split('\n')[line!]![character!]!),
    'at the indicator of the entry past the limit',
  );
  assert.equal(found[0]!.range[2], line);
});

test('a file of exactly the entry limit is analysed', () => {
  const doc = parseText(withEntries(MAX_ENTRIES));
  assert.equal(doc.notAnalysed, undefined);
  assert.ok(doc.model.conversationApi!.apps[0]!.channels!.items.length > 40_000);
});

test('completion and hover on a file beyond the limits answer with nothing', () => {
  for (const text of [
    padded(MAX_TEXT_LENGTH + 1),
    withEntries(MAX_ENTRIES + 1),
    VALID.replace('name: acme', `name: ${'a'.repeat(MAX_LINE_LENGTH + 1)}`),
  ]) {
    const doc = parseText(text);
    assert.equal(doc.notAnalysed, true);
    const offset = text.indexOf('region: eu') + 9;
    assert.equal(hoverAt(doc, offset, true), undefined);
    if (text.length > MAX_TEXT_LENGTH)
      assert.deepEqual(complete({ source: sourceOf(doc), offset, options: { snippetSupport: true } }), []);
  }
});
