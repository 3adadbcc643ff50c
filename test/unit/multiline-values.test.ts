// A value written over several lines is shown by its first line and an ellipsis, never by its folded value: in
// messages, `data`, fix titles, hover, the outline and completion. Its other lines are other source — here the
// line of a folded password (`password: >-`), re-indented under the app ID above it so that YAML reads it as a
// continuation of the app ID (found by the fuzz harness). And the password's line, re-indented left of its key,
// is still found as a secret.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseText } from '../../server/src/parse/parsedDocument';
import { lint, toDiagnostic } from '../../server/src/service/diagnostics';
import { actionsFor } from '../../server/src/service/codeActions';
import { defaultSettings } from '../../server/src/service/settings';
import { hoverAt } from '../../server/src/service/hover';
import { outline, type OutlineSymbol } from '../../server/src/service/symbols';
import { complete, sourceOf } from '../../server/src/service/completion';
import { cutMultiLineValues } from '../../server/src/service/multiLineValues';
import { findLiteralSecrets } from '../../server/src/service/redactSecrets';

const REPRODUCERS = join(__dirname, '..', 'fixtures', 'reproducers');
const SECRET = 'S3cr3tFuzz96Ku8Wet53';

const names = (symbols: OutlineSymbol[]): string[] =>
  symbols.flatMap((s) => [s.name, s.detail ?? '', ...names(s.children)]);

/** Every text shown for the document: messages, data, fix titles, the outline, hover and completion everywhere. */
function everythingShown(text: string): string {
  const doc = parseText(text);
  const parts = names(outline(doc));
  for (const result of lint(doc, defaultSettings)) {
    const diagnostic = toDiagnostic(doc, result);
    parts.push(diagnostic.message, JSON.stringify(diagnostic.data), ...actionsFor(doc, result).map((a) => a.title));
  }
  for (let offset = 0; offset <= text.length; offset++) {
    const hover = hoverAt(doc, offset, true);
    if (hover) parts.push(hover.contents);
    for (const c of complete({ source: sourceOf(doc), offset, options: { snippetSupport: true } })) {
      parts.push(c.label, c.detail ?? '', c.documentation ?? '', c.insertText, c.filterText ?? '');
    }
  }
  return parts.join('\n');
}

test('reproducer: a password line read as the continuation of a plain app ID is not shown through the app ID', () => {
  const text = readFileSync(join(REPRODUCERS, 'secret-continuation-of-app-id.sinchcp.yaml'), 'utf8');
  assert.ok(text.includes(`    - appId: 01hzx3k7m2q9v5b8n*a\n        ${SECRET}\n`));
  const doc = parseText(text);
  assert.equal(
    doc.model.conversationApi!.apps[0]!.appId!.text,
    `01hzx3k7m2q9v5b8n*a ${SECRET}`,
    'YAML folds the line into the app ID',
  );

  const messages = lint(doc, defaultSettings).map((result) => toDiagnostic(doc, result).message);
  assert.ok(
    messages.includes(
      "Missing required key 'region' in app '01hzx3k7m2q9v5b8n*a…'.\nThe Conversation API region the app was created in. An app never changes region. One of: us, eu, br.",
    ),
    messages.join('\n'),
  );
  assert.ok(
    messages.includes(
      "App ID '01hzx3k7m2q9v5b8n*a…' in conversationApi contains white space; Sinch app IDs have none.\nRemove it (copy the ID from the Sinch dashboard: Conversation API > Apps).",
    ),
    messages.join('\n'),
  );
  const caseFinding = lint(doc, defaultSettings).find(
    (r) => r.rule.name === 'app-id-case' && r.finding.span.start === text.indexOf('01hzx3k7m2q9v5b8n*a'),
  )!;
  // app-id-case quotes the ID without its white space and upper-cased: cut all the same, in the message and `data`.
  assert.match(
    toDiagnostic(doc, caseFinding).message,
    /^App ID '01hzx3k7m2q9v5b8n\*a…' in conversationApi has lowercase letters\.\n.*'01HZX3K7M2Q9V5B8N\*A…'\.$/,
  );
  assert.deepEqual((toDiagnostic(doc, caseFinding).data as { payload: unknown }).payload, {
    uppercase: '01HZX3K7M2Q9V5B8N*A…',
    exact: false,
  });

  const app = outline(doc).find((s) => s.name === 'Conversation API')!.children[0]!;
  assert.equal(app.name, 'app 01hzx3k7m2q9v5b8n*a…');
  const hover = hoverAt(doc, text.indexOf('01hzx3k7m2q9v5b8n*a') + 3, true)!;
  assert.match(hover.contents, /^Conversation API app `01hzx3k7m2q9v5b8n\*a…`\n/);

  assert.doesNotMatch(everythingShown(text).toLowerCase(), new RegExp(SECRET.toLowerCase()));
});

test('a folded or quoted value over several lines is cut to its first line; a value on one line is not', () => {
  const text = [
    'version: 1',
    'conversationApi:',
    '  apps:',
    '    - appId: >-',
    '        01HZX3K7M2Q9V5B8N4T6W1R0CD',
    '        pasted-Folded-Line',
    '      name: "Support',
    '        pasted-Quoted-Line"',
    '    - appId: 01HZX3K7M2Q9V5B8N4T6W1R0CE',
    '',
  ].join('\n');
  const doc = parseText(text);
  const apps = outline(doc).find((s) => s.name === 'Conversation API')!.children;
  assert.deepEqual(
    apps.map((a) => [a.name, a.detail]),
    [
      ['app Support…', '01HZX3K7M2Q9V5B8N4T6W1R0CD…'],
      ['app 01HZX3K7M2Q9V5B8N4T6W1R0CE', undefined],
    ],
  );
  // Any case and spacing: a rule may upper-case the value or take its white space out.
  assert.equal(
    cutMultiLineValues("'01hzx3k7m2q9v5b8n4t6w1r0cdPASTED-FOLDED-LINE' and '01HZX3K7M2Q9V5B8N4T6W1R0CD'", doc),
    "'01hzx3k7m2q9v5b8n4t6w1r0cd…' and '01HZX3K7M2Q9V5B8N4T6W1R0CD'",
  );
  assert.doesNotMatch(everythingShown(text), /pasted-(Folded|Quoted)-Line/i);
});

test('completion shows an app name over several lines by its first line, and never inserts a cut value', () => {
  const lines = [
    'version: 1',
    'conversationApi:',
    '  apps:',
    '    - appId: 01HZX3K7M2Q9V5B8N4T6W1R0CD',
    '      name: Support',
    '        pasted-Continuation-Line',
    '    - appId: 01HZX3K7M2Q9V5B8N4T6W1R0CE',
    '        pasted-Continuation-Line-2',
    'messagingServices:',
    '  - authentications:',
    '      - direction: outbound',
    '        authenticationId: 5d2b7f0c-8e1a-4c3b-9f6d-2a7e4b1c9d08@',
    '',
  ];
  const text = lines.join('\n');
  const candidates = complete({
    source: sourceOf(parseText(text)),
    offset: text.indexOf('@\n') + 1,
    options: { snippetSupport: true },
  });
  assert.deepEqual(
    candidates.map((c) => [c.insertText, c.detail, c.documentation]),
    [
      [
        '01HZX3K7M2Q9V5B8N4T6W1R0CD',
        'Support…',
        '**01HZX3K7M2Q9V5B8N4T6W1R0CD**\n\nName: Support…\n\nDeclared in `conversationApi.apps`.',
      ],
    ],
  );
});

test('a folded password whose line was re-indented left of its key is still a secret', () => {
  const cases = [
    // Left of the key, under the app ID: YAML reads it as a continuation of the app ID's plain scalar.
    `apps:\n  - appId: 01hzx3k7m2q9v5b8n4t6w1r0cd\n      password: >-\n    ${SECRET}\n    region: eu\n`,
    `apps:\n  - appId: 01hzx3k7m2q9v5b8n4t6w1r0cd\n    password: |\n  ${SECRET}\n  - appId: 01HZX3K7M2Q9V5B8N4T6W1R0CE\n`,
    // A comment line left of the content between the header and the password.
    `apps:\n  - appId: 01hzx3k7m2q9v5b8n4t6w1r0cd\n    password: >-\n  # the key\n      ${SECRET}\n`,
  ];
  for (const text of cases) {
    assert.ok(
      findLiteralSecrets(text).includes(SECRET),
      `${JSON.stringify(text)}: ${JSON.stringify(findLiteralSecrets(text))}`,
    );
    assert.doesNotMatch(everythingShown(text).toLowerCase(), new RegExp(SECRET.toLowerCase()), JSON.stringify(text));
  }
  // A `#` line under the key is the value's own (`#` starts no comment inside a block scalar).
  assert.ok(findLiteralSecrets('password: |\n  #Hash-Secret-1\n').includes('#Hash-Secret-1'));
});
