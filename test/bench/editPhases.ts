// Where one edit's time goes inside the worker, phase by phase, on a generated file: the guarded parse, the
// model, the relations, the directives, each rule, the conversion to LSP diagnostics (redaction, positions) and
// the structured clone that carries them to the protocol thread. Usage:
//   node --import tsx test/bench/editPhases.ts [lines=20000] [edits=5]
import { TextDocument } from 'vscode-languageserver-textdocument';
import { guardedParse, MAX_NESTING, ParsedDocumentCache, parseYaml } from '../../server/src/parse/parsedDocument';
import { reparseItem, textChange } from '../../server/src/parse/incremental';
import { buildModel } from '../../server/src/model/build';
import { computeRelations } from '../../server/src/model/relations';
import { readDirectives } from '../../server/src/parse/directives';
import { allRules } from '../../server/src/rules/registry';
import { lint, toDiagnostic } from '../../server/src/service/diagnostics';
import { defaultSettings } from '../../server/src/service/settings';
import { generate } from './generate';

const lines = Number(process.argv[2] ?? 20000);
const edits = Number(process.argv[3] ?? 5);
const { text: original, editSite } = generate({ lines });
const times = new Map<string, number[]>();
const time = <T>(name: string, f: () => T): T => {
  const t0 = performance.now();
  const value = f();
  (times.get(name) ?? times.set(name, []).get(name)!).push(performance.now() - t0);
  return value;
};

const cache = new ParsedDocumentCache();
let text = original;
// The incremental re-parse on its own tree (the cache below keeps another one).
let previous = {
  text: original,
  ...(({ doc, entries }) => ({ yaml: doc, entries }))(guardedParse(original, MAX_NESTING)),
};
const lineStart = original.split('\n').slice(0, editSite.line).join('\n').length + 1;
for (let i = 0; i <= edits; i++) {
  const at = lineStart + editSite.character;
  text = text.slice(0, at) + (i % 2 ? editSite.upper : editSite.lower) + text.slice(at + 1);
  const document = TextDocument.create('file:///bench.sinchcp.yaml', 'sinchcp', i + 1, text);
  // Phase by phase, as parse() does it.
  time('textChange (common prefix and suffix)', () => textChange(previous.text, text));
  const reparsed = time('reparseItem (incremental tree)', () => reparseItem(previous, text, guardedParse, MAX_NESTING));
  if (!reparsed) throw new Error('the bench edit was not re-parsed incrementally');
  previous = { text, yaml: reparsed.yaml, entries: reparsed.entries };
  const yaml = time('parseYaml (full parse, for comparison)', () => parseYaml(text));
  time('buildModel (unchanged items reused)', () => buildModel(reparsed.yaml, text));
  const model = time('buildModel (full, fresh tree)', () => buildModel(yaml, text));
  time('computeRelations', () => computeRelations(model));
  time('readDirectives', () => readDirectives(text));
  time('TextDocument.create', () => TextDocument.create(document.uri, 'sinchcp', i + 1, text));
  // The real pipeline, each rule timed apart.
  const parsed = time('parse (cache.get, total)', () => cache.get(document));
  for (const rule of allRules) time(`rule ${rule.name}`, () => rule.check(parsed));
  const results = time('lint (all rules + suppressions + sort)', () => lint(parsed, defaultSettings));
  const diagnostics = time('toDiagnostic (redaction, positions)', () => results.map((r) => toDiagnostic(parsed, r)));
  time('structuredClone (to the protocol thread)', () => structuredClone(diagnostics));
  time('JSON.stringify (to the client)', () => JSON.stringify(diagnostics));
  if (i === 0) console.log(`${lines} lines, ${text.length} chars, ${results.length} diagnostics`);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const rows = [...times].map(([name, xs]) => [name, median(xs.slice(1))] as const).sort((a, b) => b[1] - a[1]);
for (const [name, ms] of rows)
  if (ms >= 0.5 || !name.startsWith('rule ')) console.log(`${ms.toFixed(1).padStart(8)} ms  ${name}`);
