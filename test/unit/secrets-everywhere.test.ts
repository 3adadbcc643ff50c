// No literal secret reaches a diagnostic message, its `data`, or a quick-fix title, whatever the input: a whole
// authentication pasted on one line, `secret:x` without its space, a block-scalar password whose content is not
// indented, a secret pasted after an app ID and upper-cased by app-id-case, a broken value running over a
// password line. Hover at every position, the outline and completion are looked at too. The secret is looked for
// as written and in upper and lower case.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseText } from '../../server/src/parse/parsedDocument';
import { diagnose, lint, toDiagnostic } from '../../server/src/service/diagnostics';
import { actionsFor } from '../../server/src/service/codeActions';
import { defaultSettings } from '../../server/src/service/settings';
import { hoverAt } from '../../server/src/service/hover';
import { outline } from '../../server/src/service/symbols';
import { complete, sourceOf } from '../../server/src/service/completion';
import { capQuotedValues, findLiteralSecrets, redactSecrets, REDACTED } from '../../server/src/service/redactSecrets';

const VALID = readFileSync(join(__dirname, '..', '..', 'examples', 'acme-eu.sinchcp.yaml'), 'utf8');
const REPRODUCERS = join(__dirname, '..', 'fixtures', 'reproducers');

/** The example with one piece replaced (asserting it is there). */
function edited(find: string | RegExp, replacement: string): string {
  const text = VALID.replace(find, replacement);
  assert.notEqual(text, VALID, `the example has no ${find}`);
  return text;
}

/**
 * Everything the user is shown about the file: messages, data payloads, quick-fix titles, hover and completion
 * labels and docs at every position, the outline.
 */
function shown(text: string, secret = ''): { everything: string; rules: string[] } {
  const doc = parseText(text);
  const parts: string[] = [JSON.stringify(outline(doc))];
  const rules: string[] = [];
  for (const result of lint(doc, defaultSettings)) {
    const diagnostic = toDiagnostic(doc, result);
    rules.push(result.rule.name);
    parts.push(diagnostic.message, JSON.stringify(diagnostic.data), ...actionsFor(doc, result).map((a) => a.title));
  }
  // Every position of the lines that hold the secret (in any case); every seventh position elsewhere (hover and
  // completion read the line under the cursor, and the app ID's other occurrences are hovered there).
  const denseLines = text
    .split(/\r?\n/)
    .map((lineText) => secret !== '' && lineText.toLowerCase().includes(secret.toLowerCase()));
  const dense = (offset: number) => denseLines[doc.textDocument.positionAt(offset).line] === true;
  for (let offset = 0; offset <= text.length; offset++) {
    if (offset % 7 !== 0 && !dense(offset)) continue;
    const hover = hoverAt(doc, offset, true);
    if (hover) parts.push(hover.contents);
    for (const candidate of complete({ source: sourceOf(doc), offset, options: { snippetSupport: true } })) {
      parts.push(candidate.label, candidate.detail ?? '', candidate.documentation ?? '');
    }
  }
  return { everything: parts.join('\n'), rules };
}

function assertNoSecret(label: string, text: string, secret: string, expectRule?: string): void {
  assert.ok(text.includes(secret), `${label}: the input holds the secret`);
  const { everything, rules } = shown(text, secret);
  if (expectRule)
    assert.ok(rules.includes(expectRule), `${label}: ${expectRule} reports the mistake (got ${rules.join(', ')})`);
  for (const variant of [secret, secret.toUpperCase(), secret.toLowerCase()]) {
    assert.ok(!everything.includes(variant), `${label}: ${JSON.stringify(variant)} shown in:\n${everything}`);
  }
}

const INBOUND = /- direction: inbound\n {8}authenticationId: webhook\n {8}password: \$\{env:ACME_EU_WEBHOOK_SECRET\}/;

test('(a) an authentication pasted on one line: invalid-value does not quote the password', () => {
  assertNoSecret(
    'one line',
    edited(INBOUND, '- direction: inbound authenticationId: webhook password: S3cr3tPassw0rdValue'),
    'S3cr3tPassw0rdValue',
    'invalid-value',
  );
  assertNoSecret(
    'one line, no space',
    edited(INBOUND, '- direction: inbound authenticationId: webhook password:S3cr3tPassw0rdValue'),
    'S3cr3tPassw0rdValue',
  );
  assertNoSecret(
    'one line, flow',
    edited(INBOUND, '- {direction: inbound, authenticationId: webhook, Password : S3cr3tPassw0rdValue}'),
    'S3cr3tPassw0rdValue',
  );
});

test('(b) `secret:x` without the space: yaml-syntax and the other rules do not quote it', () => {
  const glued = edited('secret: ${env:ACME_EU_WEBHOOK_SECRET}', 'secret:kq8Z-plain-access-secret');
  assertNoSecret('glued to its key', glued, 'kq8Z-plain-access-secret');
  assertNoSecret(
    'after a value, yaml-syntax',
    edited('    type: chat\n', '    type: chat\n- a secret:kq8Z-plain-access-secret\n'),
    'kq8Z-plain-access-secret',
    'yaml-syntax',
  );
  assertNoSecret(
    'a stray token',
    'version: 1\n- a\nsecret:kq8Z-plain-access-secret\n',
    'kq8Z-plain-access-secret',
    'yaml-syntax',
  );
});

test('(c) a block-scalar password whose content is not indented: unknown-key does not quote it', () => {
  const text = edited('password: ${env:SINCH_ACCESS_KEY_SECRET}', 'password: |\n        Hunter2SuperSecret');
  assertNoSecret('block scalar', text, 'Hunter2SuperSecret', 'unknown-key');
  assertNoSecret(
    'folded, flow key',
    edited('password: ${env:SINCH_ACCESS_KEY_SECRET}', '"PASSWORD": >-\n        Hunter2SuperSecret'),
    'Hunter2SuperSecret',
  );
});

test('(d) a secret pasted after an app ID: not shown upper-cased by app-id-case (message, data, fix title), hover, outline', () => {
  const text = edited(
    'authenticationId: 5d2b7f0c-8e1a-4c3b-9f6d-2a7e4b1c9d08@01HZX3K7M2Q9V5B8N4T6W1R0CD\n        password: ${env:SINCH_ACCESS_KEY_SECRET}',
    'authenticationId: 5d2b7f0c-8e1a-4c3b-9f6d-2a7e4b1c9d08@01hzx3k7m2q9v5b8n4t6w1r0cd:kq8z-plain-access-secret\n        password: kq8z-plain-access-secret',
  );
  assertNoSecret('after the app ID', text, 'kq8z-plain-access-secret', 'app-id-case');
});

test('(e) reproducer secret-echo-multiline-value.yaml: a quoted two-line value with a password on line 2', () => {
  const text = readFileSync(join(REPRODUCERS, 'secret-echo-multiline-value.yaml'), 'utf8');
  assertNoSecret('reproducer', text, 'kq8Z-plain-access-secret');
  const doc = parseText(text);
  for (const result of lint(doc, defaultSettings)) {
    // A message breaks its lines only after a sentence (its first line, then the rest), never inside a quoted value.
    assert.doesNotMatch(
      toDiagnostic(doc, result).message,
      /[^.?!]\n/,
      `${result.rule.name}: a line break inside a value`,
    );
  }
});

test('literal secrets are found wherever a password/secret key stands, in any case, spacing and style', () => {
  const cases: [string, string][] = [
    ['password: Plain-Secret-1', 'Plain-Secret-1'],
    ['  - Password : Spaced-Secret-2', 'Spaced-Secret-2'],
    ['secret:Glued-Secret-3', 'Glued-Secret-3'],
    ['{direction: inbound, PASSWORD: Flow-Secret-4, triggers: []}', 'Flow-Secret-4'],
    ['"password": "Quoted-Secret-5"', 'Quoted-Secret-5'],
    ["'secret': 'Single-Secret-6' # note", 'Single-Secret-6'],
    ['x: y password: Mid-Line-Secret-7', 'Mid-Line-Secret-7'],
    ['webhookSecret=Equals-Secret-8', 'Equals-Secret-8'],
    ['password: |\n  Block-Secret-9\n', 'Block-Secret-9'],
    ['password: |\nUnindented-Secret-10\nnext: 1', 'Unindented-Secret-10'],
  ];
  for (const [line, secret] of cases)
    assert.ok(findLiteralSecrets(line).includes(secret), `${line}: ${JSON.stringify(findLiteralSecrets(line))}`);
  for (const reference of ['password: ${env:A_SECRET}', 'secret: ${env:X} # c', '{secret: ${env:X}}', 'password:']) {
    assert.deepEqual(findLiteralSecrets(reference), [], reference);
  }
  assert.deepEqual(
    findLiteralSecrets('password: |\n  Block-Secret-9\nnext: value\n'),
    ['Block-Secret-9'],
    'the next key is not part of the block',
  );
});

test('redaction covers every letter case', () => {
  assert.equal(redactSecrets('a KQ8Z-x b kq8z-X c', ['kq8Z-x']), `a ${REDACTED} b ${REDACTED} c`);
});

test('quoted values in messages are cut to one line and a short length', () => {
  assert.equal(capQuotedValues('`abc\n  password: x` is bad'), '`abc…` is bad');
  assert.equal(capQuotedValues(`\`${'x'.repeat(300)}\``), `\`${'x'.repeat(100)}…\``);
  assert.equal(capQuotedValues('`short` stays'), '`short` stays');
});

test('a block-scalar password left unindented, with another key between it and the secret: still redacted', () => {
  // Found by the fuzz harness (seed 1): `password: |`, then a key at the same column, then the secret alone on a
  // line, which YAML folds into the next key ("Unknown key `<secret> apps`").
  const secret = 'S3cr3tFuzzfGciGxgHqa';
  const text = [
    'version: 1',
    'conversationApi:',
    '  projectId: c36f3d3d-1513-4edd-ae42-11995557ff61',
    '  password: |',
    '  name: x',
    `  ${secret}`,
    '  apps:',
    '    - appId: 01HZX3K7M2Q9V5B8N4T6W1R0CD',
    '',
  ].join('\r\n');
  const shown = JSON.stringify(diagnose(parseText(text), defaultSettings));
  assert.ok(shown.includes('Unknown key'), shown);
  assert.ok(!shown.toLowerCase().includes(secret.toLowerCase()), shown);
});

test('lines under a later key are not read as the block-scalar password', () => {
  const text = [
    '- direction: inbound',
    '  password: |',
    '    s3cretValue',
    '  triggers:',
    '    - MESSAGE_INBOUND',
    '',
  ].join('\n');
  assert.deepEqual(
    findLiteralSecrets(text).filter((s) => s.includes('MESSAGE_INBOUND')),
    [],
  );
  assert.ok(findLiteralSecrets(text).includes('s3cretValue'));
});

test('a stray line YAML reads as a key is reported without quoting it (a secret whose own key was lost)', () => {
  // Found by the fuzz harness (seed 20261201): `password: |` edited to `xssword: |`, the secret left unindented.
  const secret = 'S3cr3tFuzz55Ntf9sZ4y';
  for (const text of [`version: 1\nxssword: |\n${secret}\n`, `pass\\-\n  ${secret}\npassword:\n`]) {
    const diagnostics = diagnose(parseText(text), defaultSettings);
    const shown = JSON.stringify(diagnostics);
    assert.ok(!shown.toLowerCase().includes(secret.toLowerCase()), shown);
    assert.ok(
      diagnostics.some((d) => d.code === 'unknown-key' || d.code === 'yaml-syntax'),
      shown,
    );
  }
  const stray = diagnose(parseText(`version: 1\nxssword: |\n${secret}\n`), defaultSettings).find(
    (d) => d.code === 'unknown-key' && d.range.start.line === 2,
  );
  assert.equal(
    stray?.message,
    "This line is not a 'key: value' pair, so YAML reads it as a key of the file.\nWrite 'key: value', or indent it under the key it belongs to.",
  );
  assert.deepEqual(stray?.range, { start: { line: 2, character: 0 }, end: { line: 2, character: secret.length } });
});

test('completion never shows a secret pasted into an app name (the detail beside an offered app ID)', () => {
  // Found by the fuzz harness (seed 1, 5,000 inputs): the app-ID candidates' detail is the app's name.
  const secret = 'S3cr3tCompletionLeak';
  const text = [
    'version: 1',
    'conversationApi:',
    '  projectId: c36f3d3d-1513-4edd-ae42-11995557ff61',
    '  apps:',
    '    - appId: 01HZX3K7M2Q9V5B8N4T6W1R0CD',
    `      name: 01HZX3K7M2Q9V5B8N4T6W1R0CD@APPID:${secret}`,
    '      region: us',
    'messagingServices:',
    '  - name: Sinch US',
    '    authentications:',
    '      - direction: outbound',
    '        authenticationId: KEY@',
    `        password: ${secret}`,
    '',
  ].join('\n');
  const doc = parseText(text);
  const offset = text.indexOf('KEY@') + 4;
  const candidates = complete({ source: sourceOf(doc), offset, options: { snippetSupport: true } });
  assert.ok(
    candidates.some((c) => c.label.includes('01HZX3K7M2Q9V5B8N4T6W1R0CD')),
    'the app ID is offered',
  );
  const shownText = JSON.stringify(candidates);
  assert.ok(!shownText.toLowerCase().includes(secret.toLowerCase()), shownText);
});

test('a secret glued by an edit to the text after it is not shown as part of a key (fuzz seed 3, inputs 1113 and 4133)', () => {
  // `secret:S3cr3t` with the next line's `a` of `address` deleted: YAML reads `secret:S3cr3t:ddress` as a key.
  const glued = [
    'version: 1',
    'queues:|',
    '\t- name: Support',
    '\t\tsecret:S3cr3tFuzzMgPpEEPwXt:ddress: 01HZX3K7M2Q9V5B8N4T6W1R0CD@line # want queue-address-format fix="Append \'.sinchconversation.com\'"',
    '\t- name: Support',
    '\t\ttype: cha]t',
    '\t\tpassword: S3cr3tFuzzjz5fbkEtQp',
    '\t\tname: 01HZX3K7M2Q9V5B8N4T6W1R0CD@APPID:S3cr3tFuzzjz5fbkEtQp',
    '\t\taddresses:',
    '\t\t\t- direction: inbound authenticationId: webhook password: S3cr3tFuzzS3iNzre3r9',
    '\t\t\t- address: 01HZX3K7M2Q9V5B8N4T6W1R0CD@line # want queue-address-format fix="Append \'.sinchconversation.com\'"',
    '',
  ].join('\n');
  assertNoSecret('glued to a key', glued, 'S3cr3tFuzzMgPpEEPwXt', 'unknown-key');
  // A folded password's line with `{name: Support` (the next line) joined onto it: YAML reads `S3cr3t{name` as a key.
  const joined = [
    'version: 1',
    'queues:',
    '\tpassword: >-',
    '\t  S3cr3tFuzzDLKU2pDoNV{name: Support',
    '      - direction: inbound',
    '        authenticationId: webhook',
    '        password: ${env:ACME_EU_WEBHOOK_SECRET}',
    '        triggers: [MESSAGE_DELIVERY, MESSAGE_INBOUND]',
    'queues:',
  ].join('\n');
  assertNoSecret('block line joined to a flow mapping', joined, 'S3cr3tFuzzDLKU2pDoNV', 'unknown-key');
  // What is cut off is a literal's start only: a reference, or a key read under the block, is not a secret.
  assert.deepEqual(findLiteralSecrets('password: ${env:X}\nsecret: ${ env:Y }\n'), []);
  assert.ok(
    !findLiteralSecrets(joined).some((value) => ['authenticationId', 'password', 'triggers'].includes(value)),
    JSON.stringify(findLiteralSecrets(joined)),
  );
});

test('a block-scalar password whose line had the next key joined onto it is redacted (fuzz seed 2, input 586)', () => {
  // `password: |`, the password not indented, and an edit that deleted the line break and `  secret: S3` after it:
  // YAML reads the password as a key of the tenant, and unknown-key quoted it.
  const text = [
    'VERSION: 1',
    'tenant:',
    '  name: acme',
    '  password: |',
    '  S3cr3tFuzz9GPTqmD3iq: cr3tFuzzFLaymdJFUW',
    "  landscape: 'na-w2'   # want unknown-landscape fix=\"Set landscape to 'na-w2'\"",
    '   password: S3cr3tFuzzqU2sZJaNV7',
    '   ',
  ].join('\r\n');
  assertNoSecret('joined key', text, 'S3cr3tFuzz9GPTqmD3iq', 'unknown-key');
  // A key of the format after an empty block is a key, not a password: the messages still name it.
  assert.deepEqual(findLiteralSecrets('tenant:\n  password: |\n  name: acme\n  landscape: eu-c1\n'), []);
});
