// Fuzz inputs: a config file from examples/ or test/fixtures/, mutated by a few seeded operations (cut, splice,
// duplicate, re-indent, hostile characters, deep nesting, long lines, tabs, CRLF, BOM, binary, truncation), with
// literal secrets planted under password/secret keys in the forms users write them. Same seed, same inputs.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export type Random = () => number;

export interface FuzzInput {
  text: string;
  /** The literal secret values planted in the text (every output is searched for them, in any case). */
  secrets: string[];
  /** What was done to the source file, for the report. */
  operations: string[];
  /**
   * For each secret, the planted lines that mark it as a secret (its `password:`/`secret:` key and value). A secret
   * counts only while they survive: a text operation or an edit that overwrote the key or the value leaves text
   * that no longer says it is a secret, and nothing could know it was one.
   */
  markers: Record<string, string[]>;
}

/**
 * The secrets the text still marks as secrets: those whose planted marker lines (or an edit's `password:` line)
 * are left whole, and in order: a block-scalar secret's line must still follow its own key line. (Two secrets
 * planted as `password: >-` share their key line's text; an edit that deletes one key line and joins its secret
 * onto the line above leaves a value that nothing marks as a secret, though both markers still occur somewhere.)
 */
export function secretsStillMarked(input: FuzzInput, text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  const markedAt = (markers: readonly string[], at: number) =>
    markers.every((marker, k) => lines[at + k]?.includes(marker));
  return input.secrets.filter((secret) => {
    const markers = input.markers[secret] ?? [];
    return markers.length === 0 || lines.some((_, at) => markedAt(markers, at)) || text.includes(`password: ${secret}`);
  });
}

const ROOT = join(__dirname, '..', '..');

/** Every .yaml under examples/ and test/fixtures/, sorted (the corpus order is part of the seed's meaning). */
export function loadCorpus(): { name: string; text: string }[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.ya?ml$/.test(name)) files.push(path);
    }
  };
  walk(join(ROOT, 'examples'));
  walk(join(ROOT, 'test', 'fixtures'));
  return files.map((path) => ({ name: path.slice(ROOT.length + 1), text: readFileSync(path, 'utf8') }));
}

const int = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const HOSTILE_CHARACTERS = [
  '\u0000',
  '\uFEFF',
  '\uD800',
  '\uDC00',
  '😀',
  '\t',
  '\r',
  '\n',
  '"',
  "'",
  '{',
  '}',
  '[',
  ']',
  ':',
  ': ',
  '- ',
  '#',
  '&a ',
  '*a',
  '!!str ',
  '!!binary ',
  '|',
  '>',
  '%YAML 1.1\n',
  '---\n',
  '...\n',
  '@',
  '`',
  '\u2028',
  '\u00A0',
  '\\',
  '? ',
  ',',
  '${',
  '${env:',
  '\u202E',
  '\u0085',
];

/** Small documents that have broken parsers and completion before (first line empty, indented second line…). */
const TINY_DOCUMENTS = [
  '',
  '\n',
  ' ',
  '\n b',
  '\n  b: 1\n',
  '\n\n  x',
  '-',
  ':',
  '[',
  '{',
  '- - -',
  '#',
  '\r\n\r\n',
  '\t',
  '\uFEFF',
];

type Operation = (lines: string[], random: Random, corpus: readonly { text: string }[]) => string;

const OPERATIONS: Record<string, Operation> = {
  cut(lines, random) {
    const at = int(random, 0, lines.length - 1);
    lines.splice(at, int(random, 1, 5));
    return `cut lines at ${at}`;
  },
  splice(lines, random, corpus) {
    const other = pick(random, corpus).text.split('\n');
    const from = int(random, 0, other.length - 1);
    const at = int(random, 0, lines.length);
    lines.splice(at, 0, ...other.slice(from, from + int(random, 1, 12)));
    return `spliced lines from another file at ${at}`;
  },
  duplicate(lines, random) {
    const at = int(random, 0, lines.length - 1);
    const block = lines.slice(at, at + int(random, 1, 6));
    lines.splice(at, 0, ...block);
    return `duplicated lines at ${at}`;
  },
  reindent(lines, random) {
    const at = int(random, 0, lines.length - 1);
    const count = int(random, 1, 8);
    const delta = int(random, -4, 5);
    for (let i = at; i < Math.min(lines.length, at + count); i++) {
      lines[i] = delta >= 0 ? ' '.repeat(delta) + lines[i] : lines[i]!.replace(new RegExp(`^ {0,${-delta}}`), '');
    }
    return `re-indented lines at ${at} by ${delta}`;
  },
  hostileCharacters(lines, random) {
    const times = int(random, 1, 6);
    for (let n = 0; n < times; n++) {
      const at = int(random, 0, lines.length - 1);
      const line = lines[at] ?? '';
      const offset = int(random, 0, line.length);
      lines[at] = line.slice(0, offset) + pick(random, HOSTILE_CHARACTERS) + line.slice(offset);
    }
    return `inserted ${times} hostile characters`;
  },
  deepNesting(lines, random) {
    const depth = pick(random, [50, 200, 1000, 3000, 10_000]);
    const unit = pick(random, ['- ', '[', '{a: ', '? ', '- [']);
    const at = int(random, 0, lines.length);
    lines.splice(at, 0, `${pick(random, ['', '  ', 'queues: '])}${unit.repeat(depth)}x`);
    return `nested ${JSON.stringify(unit)} ${depth} deep at line ${at}`;
  },
  longLine(lines, random) {
    const at = int(random, 0, lines.length);
    const length = pick(random, [1000, 20_000, 100_000]);
    const shape = pick(random, ['plain', 'flow', 'quoted']);
    const line =
      shape === 'plain'
        ? `      name: ${'a'.repeat(length)}`
        : shape === 'flow'
          ? `      channels: [${Array(Math.floor(length / 3))
              .fill('A')
              .join(', ')}]`
          : `      name: "${'\\u00e9'.repeat(Math.floor(length / 6))}"`;
    lines.splice(at, 0, line);
    return `inserted a ${shape} line of ~${length} characters at ${at}`;
  },
  tabs(lines, random) {
    const at = int(random, 0, lines.length - 1);
    for (let i = at; i < Math.min(lines.length, at + 10); i++)
      lines[i] = lines[i]!.replace(/^( {2})+/, (m) => '\t'.repeat(m.length / 2));
    return `tabs for indentation from line ${at}`;
  },
  caseFlip(lines, random) {
    const at = int(random, 0, lines.length - 1);
    lines[at] = random() < 0.5 ? lines[at]!.toUpperCase() : lines[at]!.toLowerCase();
    return `changed the case of line ${at}`;
  },
};

/** Whole-text operations, applied after the line operations. */
const TEXT_OPERATIONS: Record<string, (text: string, random: Random) => string> = {
  crlf: (text) => text.replace(/\n/g, '\r\n'),
  cr: (text) => text.replace(/\n/g, '\r'),
  bom: (text) => `\uFEFF${text}`,
  truncate: (text, random) => text.slice(0, int(random, 0, text.length)),
  binary(text, random) {
    const bytes = Buffer.from(Array.from({ length: int(random, 1, 400) }, () => int(random, 0, 255)));
    const at = int(random, 0, text.length);
    return text.slice(0, at) + bytes.toString(random() < 0.5 ? 'latin1' : 'utf8') + text.slice(at);
  },
};

/** A secret literal: recognisable, distinct per input, mixed case (so a case-changed echo is still found). */
function secretLiteral(random: Random): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  return `S3cr3tFuzz${Array.from({ length: 10 }, () => pick(random, [...alphabet])).join('')}`;
}

/** The ways a literal password or secret ends up in a file (one per planting). */
const SECRET_FORMS: ((secret: string, indent: string) => string[])[] = [
  (s, i) => [`${i}password: ${s}`],
  (s, i) => [`${i}secret: ${s}`],
  (s, i) => [`${i}secret:${s}`],
  (s, i) => [`${i}password: '${s}'`],
  (s, i) => [`${i}Password : "${s}"`],
  (s, i) => [`${i}SECRET: ${s}`],
  (s, i) => [`${i}- direction: inbound authenticationId: webhook password: ${s}`],
  (s, i) => [`${i}password: |`, `${i}${s}`],
  (s, i) => [`${i}password: >-`, `${i}  ${s}`],
  (s, i) => [`${i}- { direction: outbound, authenticationId: x, password: ${s} }`],
  (s, i) => [`${i}webhooks: [{ target: https://x.example, secret: ${s} }]`],
  (s, i) => [`${i}password: ${s}`, `${i}name: 01HZX3K7M2Q9V5B8N4T6W1R0CD@APPID:${s}`],
];

export function makeInput(random: Random, corpus: readonly { name: string; text: string }[]): FuzzInput {
  const secrets: string[] = [];
  const markers: Record<string, string[]> = {};
  if (random() < 0.08) {
    const text = pick(random, TINY_DOCUMENTS);
    return { text, secrets, operations: [`tiny document ${JSON.stringify(text)}`], markers: {} };
  }
  const source = pick(random, corpus);
  const operations = [`from ${source.name}`];
  const lines = source.text.split('\n');
  const names = Object.keys(OPERATIONS);
  for (let n = int(random, 1, 4); n > 0; n--) {
    if (!lines.length) lines.push('');
    operations.push(OPERATIONS[pick(random, names)]!(lines, random, corpus));
  }
  for (let n = int(random, 1, 3); n > 0; n--) {
    const secret = secretLiteral(random);
    secrets.push(secret);
    const at = int(random, 0, lines.length);
    const indent = (lines[Math.min(at, lines.length - 1)] ?? '').match(/^\s*/)![0];
    const form = int(random, 0, SECRET_FORMS.length - 1);
    const planted = SECRET_FORMS[form]!(secret, indent);
    lines.splice(at, 0, ...planted);
    // The key line, and the secret's own line when the key line holds only a block-scalar header; trimmed, so a
    // later re-indent or CRLF keeps them findable.
    const keyLine = planted[0]!.trim();
    markers[secret] = keyLine.includes(secret) ? [keyLine] : [keyLine, planted[1]!.trim()];
    operations.push(`planted secret form ${form} at line ${at}`);
  }
  let text = lines.join('\n');
  if (random() < 0.3) {
    const name = pick(random, Object.keys(TEXT_OPERATIONS));
    text = TEXT_OPERATIONS[name]!(text, random);
    operations.push(name);
  }
  return { text, secrets, operations, markers };
}

/** A random edit for a didChange: a range of the text replaced with a snippet (maybe hostile, maybe a secret). */
export function makeEdit(
  random: Random,
  text: string,
  secrets: readonly string[],
): { start: number; end: number; newText: string } {
  const start = int(random, 0, text.length);
  const end = Math.min(text.length, start + int(random, 0, 40));
  const snippets = [
    '',
    '\n',
    '  ',
    '- ',
    ': ',
    'x',
    '\n  appId: ',
    '[',
    '}',
    '\t',
    '# sinchcp-disable-line\n',
    ...HOSTILE_CHARACTERS,
  ];
  const newText = random() < 0.15 && secrets.length ? `\npassword: ${pick(random, secrets)}\n` : pick(random, snippets);
  return { start, end, newText };
}
