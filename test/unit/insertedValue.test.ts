// The client puts the cursor between the quotes of an empty value a quick fix inserts (client/src/insertedValue.ts):
// checked on the real fixes of missing-sms-sender-id (block, flow and last-line fixtures), by applying the edit
// and typing at the computed position.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { emptyValuePosition } from '../../client/src/insertedValue';
import { parseText } from '../../server/src/parse/parsedDocument';
import { lint } from '../../server/src/service/diagnostics';
import { actionsFor } from '../../server/src/service/codeActions';
import { applyEdits } from '../../server/src/service/edits';
import { defaultSettings } from '../../server/src/service/settings';

const DIR = join(__dirname, '..', 'fixtures', 'fixes');

for (const fixture of [
  'missing-sms-sender-id-block',
  'missing-sms-sender-id-flow',
  'missing-sms-sender-id-last-line',
]) {
  test(`${fixture}: after "Insert an empty smsSenderId", typing at the cursor fills in the sender ID`, () => {
    const text = readFileSync(join(DIR, `${fixture}.sinchcp.yaml`), 'utf8');
    const doc = parseText(text);
    const result = lint(doc, defaultSettings).find(
      (r) => r.rule.name === 'missing-sms-sender-id' && (r.finding.data as { absent?: boolean })?.absent,
    );
    assert.ok(result, 'a missing smsSenderId finding');
    const fix = actionsFor(doc, result).find((a) => /smsSenderId/.test(a.title) && a.edits.length === 1);
    assert.ok(fix, 'the insert fix');
    const [edit] = fix.edits as [{ span: { start: number; end: number }; newText: string }];
    const fixed = applyEdits(text, fix.edits);
    const at = emptyValuePosition(doc.textDocument.positionAt(edit.span.start), edit.newText);
    assert.ok(at, 'a cursor position');
    const after = TextDocument.create('file:///x', 'sinchcp', 1, fixed);
    const offset = after.offsetAt(at);
    const typed = fixed.slice(0, offset) + '+12025550143' + fixed.slice(offset);
    const sender = parseText(typed)
      .model.queues.flatMap((q) => q.addresses)
      .find((a) => a.smsSenderId)?.smsSenderId?.text;
    assert.equal(sender, '+12025550143');
  });
}

test("an edit without an empty value moves no cursor; one on the same line counts from the edit's column", () => {
  assert.equal(emptyValuePosition({ line: 3, character: 4 }, 'smsSenderId: "+1202"'), undefined);
  assert.deepEqual(emptyValuePosition({ line: 3, character: 4 }, ', smsSenderId: ""'), { line: 3, character: 20 });
  assert.deepEqual(emptyValuePosition({ line: 3, character: 40 }, "\n        smsSenderId: ''"), {
    line: 4,
    character: 22,
  });
});
