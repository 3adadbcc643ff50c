// Tokenizes sinchcp lines with the grammar of syntaxes/ on top of VS Code 1.100.3's own YAML grammars
// (grammar-fixtures/), with the same engine VS Code uses (vscode-textmate + oniguruma), and checks the marks.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

const require = createRequire(__filename);
const root = path.resolve(__dirname, '..', '..');
const yamlDir = path.join(__dirname, 'grammar-fixtures', 'vscode-yaml-1.100.3');

/** scopeName → grammar file: ours, plus every YAML grammar VS Code ships (source.yaml includes source.yaml.1.2 …). */
function grammarFiles(): Map<string, string> {
  const files = new Map<string, string>([['source.sinchcp', path.join(root, 'syntaxes', 'sinchcp.tmLanguage.json')]]);
  for (const f of readdirSync(yamlDir).filter((n) => n.endsWith('.json'))) {
    const file = path.join(yamlDir, f);
    files.set(JSON.parse(readFileSync(file, 'utf8')).scopeName, file);
  }
  return files;
}

let grammar: vsctm.IGrammar;

before(async () => {
  await oniguruma.loadWASM(readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer);
  const files = grammarFiles();
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: (scopeName) => {
      const file = files.get(scopeName);
      return Promise.resolve(file ? vsctm.parseRawGrammar(readFileSync(file, 'utf8'), file) : null);
    },
  });
  const g = await registry.loadGrammar('source.sinchcp');
  assert.ok(g, 'grammar loads');
  grammar = g;
});

interface Token {
  text: string;
  start: number;
  scopes: string[];
}

/** Tokenizes a whole document (YAML rules carry state from line to line). */
function tokenize(text: string): Token[][] {
  let state = vsctm.INITIAL;
  return text.split('\n').map((line) => {
    const r = grammar.tokenizeLine(line, state);
    state = r.ruleStack;
    return r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), start: t.startIndex, scopes: t.scopes }));
  });
}

/** The scopes at the first character of `text` on a line (YAML may split a word into several tokens). */
function scopesOf(line: Token[], text: string): string[] {
  const lineText = line.map((t) => t.text).join('');
  const at = lineText.indexOf(text);
  assert.ok(at >= 0, `${JSON.stringify(text)} in ${JSON.stringify(lineText)}`);
  const t = line.find((tok) => tok.start <= at && at < tok.start + tok.text.length);
  assert.ok(t, `a token at ${at} of ${JSON.stringify(lineText)}`);
  return t.scopes;
}

const DOC = `# sinchcp: test tenant
version: 1
tenant:
  name: acme
  landscape: eu-c1
conversationApi:
  apps:
    - appId: 01HZX3K7M2Q9V5B8N4T6W1R0CD
      webhooks:
        - secret: \${env:ACME_EU_WEBHOOK_SECRET}
messagingServices:
  - name: Sinch EU
    authentications:
      - direction: outbound
        authenticationId: 5d2b7f0c-8e1a-4c3b-9f6d-2a7e4b1c9d08@01hzx3k7m2q9v5b8n4t6w1r0cd
        password: "\${env:SINCH_ACCESS_KEY_SECRET}"
queues:
  - name: Support chat
    addresses:
      # sinchcp-disable-next-line app-id-case, queue-address-format
      - address: 01HZX3K7M2Q9V5B8N4T6W1R0CD@whatsapp.sinchconversation.com
      - { address: 01ER4ABSP36WG80BMAR2CN1XEY@sms.sinchconversation.com, smsSenderId: "+12025550143" }
unknownThing: 01HZX3K7M2Q9V5B8N4T6W1R0CD # a comment about 01HZX3K7M2Q9V5B8N4T6W1R0CD
`;

test('the document scope is source.sinchcp and YAML highlighting still applies', () => {
  const lines = tokenize(DOC);
  assert.equal(scopesOf(lines[1]!, 'version')[0], 'source.sinchcp');
  assert.ok(
    scopesOf(lines[0]!, '#').some((s) => s.startsWith('comment.line.number-sign')),
    'YAML comment',
  );
  assert.ok(
    scopesOf(lines[1]!, '1').some((s) => s.endsWith('.yaml')),
    'the value is scoped by source.yaml',
  );
  assert.ok(scopesOf(lines[22]!, 'unknownThing').includes('entity.name.tag.yaml'), 'any key is a YAML key');
});

test('a mark never takes the place of a YAML structure rule (the file may start with a known key)', () => {
  // Regression: with 'L:' priority the key mark beat source.yaml's \A stream rule and YAML fell back to its
  // simplified embedded grammar for the whole file.
  const [first, second] = tokenize('queues:\n  - name: Support chat');
  assert.ok(scopesOf(first!, 'queues').includes('meta.stream.yaml'));
  assert.ok(scopesOf(first!, 'queues').includes('entity.name.tag.yaml'));
  assert.ok(scopesOf(second!, '-').includes('meta.block.sequence.yaml'));
});

test("keys carry YAML's key scope (entity.name.tag.yaml) and no other kind, so themes colour them as YAML keys", () => {
  const lines = tokenize(DOC);
  for (const [i, key] of [
    [1, 'version'],
    [2, 'tenant'],
    [3, 'name'],
    [7, 'appId'],
    [14, 'authenticationId'],
    [20, 'address'],
    [22, 'unknownThing'],
  ] as const) {
    const scopes = scopesOf(lines[i]!, key);
    assert.ok(scopes.includes('entity.name.tag.yaml'), `${key} on line ${i}`);
    assert.ok(
      !scopes.some((s) => s.startsWith('keyword') || s.startsWith('constant') || s.startsWith('variable')),
      `${key}: ${scopes.join(',')}`,
    );
  }
  assert.ok(scopesOf(lines[21]!, 'smsSenderId').includes('entity.name.tag.yaml'), 'in a flow mapping too');
  assert.ok(!scopesOf(lines[11]!, 'Sinch EU').includes('entity.name.tag.yaml'), 'values are not keys');
});

test("values keep YAML's string scope, and marks inside them are meta.* only (themes colour them as YAML values)", () => {
  const lines = tokenize(DOC);
  for (const [i, value] of [
    [7, '01HZX3K7M2Q9V5B8N4T6W1R0CD'],
    [11, 'Sinch EU'],
    [20, 'whatsapp'],
    [20, '.sinchconversation.com'],
    [9, 'ACME_EU_WEBHOOK_SECRET'],
  ] as const) {
    const scopes = scopesOf(lines[i]!, value);
    const string = scopes.findIndex((s) => s.startsWith('string.') && s.endsWith('.yaml'));
    assert.ok(string >= 0, `${value} on line ${i}: ${scopes.join(',')}`);
    assert.ok(
      scopes.slice(string + 1).every((s) => s.startsWith('meta.')),
      `${value}: only meta.* inside the YAML string: ${scopes.join(',')}`,
    );
    assert.ok(
      !scopes.some((s) => s.startsWith('entity.name') || s.startsWith('keyword') || s.startsWith('invalid')),
      `${value}: ${scopes.join(',')}`,
    );
  }
});

test('app IDs are marked, in either case, standalone and after a key ID', () => {
  const lines = tokenize(DOC);
  assert.ok(scopesOf(lines[7]!, '01HZX3K7M2Q9V5B8N4T6W1R0CD').includes('meta.app-id.sinchcp'));
  assert.ok(scopesOf(lines[14]!, '01hzx3k7m2q9v5b8n4t6w1r0cd').includes('meta.app-id.sinchcp'));
  assert.ok(!scopesOf(lines[14]!, '5d2b7f0c').includes('meta.app-id.sinchcp'), 'a UUID is not an app ID');
  assert.ok(scopesOf(lines[22]!, '01HZX3K7M2Q9V5B8N4T6W1R0CD').includes('meta.app-id.sinchcp'));
});

test('queue addresses are marked with their app ID and subchannel', () => {
  const lines = tokenize(DOC);
  for (const [i, sub] of [
    [20, 'whatsapp'],
    [21, 'sms'],
  ] as const) {
    const app = scopesOf(lines[i]!, '01');
    assert.ok(app.includes('meta.queue-address.sinchcp') && app.includes('meta.app-id.sinchcp'), `app id on line ${i}`);
    assert.ok(scopesOf(lines[i]!, '@').includes('meta.separator.at.sinchcp'));
    assert.ok(scopesOf(lines[i]!, sub).includes('meta.subchannel.sinchcp'), `subchannel on line ${i}`);
    assert.ok(scopesOf(lines[i]!, '.sinchconversation.com').includes('meta.queue-address.sinchcp'));
  }
});

test('${env:NAME} references are marked, plain and inside quotes', () => {
  const lines = tokenize(DOC);
  for (const [i, name] of [
    [9, 'ACME_EU_WEBHOOK_SECRET'],
    [15, 'SINCH_ACCESS_KEY_SECRET'],
  ] as const) {
    assert.ok(scopesOf(lines[i]!, '${').includes('meta.env-reference.sinchcp'), `line ${i}`);
    assert.ok(scopesOf(lines[i]!, name).includes('meta.env-reference.name.sinchcp'), `line ${i}`);
  }
});

test('comments: disable directives are marked, ordinary comments hide the marks', () => {
  const lines = tokenize(DOC);
  const directive = scopesOf(lines[19]!, 'sinchcp-disable-next-line');
  assert.ok(directive.includes('keyword.control.directive.sinchcp'));
  assert.ok(directive.some((s) => s.startsWith('comment.line.number-sign')));
  assert.ok(scopesOf(lines[19]!, 'app-id-case').includes('constant.other.rule-name.sinchcp'));
  assert.ok(scopesOf(lines[19]!, 'queue-address-format').includes('constant.other.rule-name.sinchcp'));
  // An app ID inside an ordinary comment stays a comment.
  const inComment = lines[22]!.filter((t) => t.scopes.some((s) => s.startsWith('comment.')));
  assert.ok(inComment.length > 0, 'the trailing comment is a comment');
  assert.ok(inComment.every((t) => !t.scopes.includes('meta.app-id.sinchcp')));
  assert.ok(!tokenize('# sinchcp: hello')[0]!.some((t) => t.scopes.includes('keyword.control.directive.sinchcp')));
});
