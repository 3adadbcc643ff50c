// `npm run bench`: how fast the language server is, side by side with Red Hat's yaml-language-server on the same
// generated files of 2,000, 20,000 and 100,000 lines in the same run (sideBySide.ts). A measurement, not a test:
// it prints markdown tables (also written to .bench/results.md) and never fails on a number.
//
// Options: --size=2000[,20000] only these sizes; --runs=N fresh-server opens per server and size (edits and
// requests scale with it); --details adds the older sinchcp-only table: per-size in-process check, where the
// time goes, burst typing and fix-all (over LSP it drives dist/server.js; in-process it times the bare YAML
// parse, the full check, and each phase).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseText } from '../../server/src/parse/parsedDocument';
import { buildModel } from '../../server/src/model/build';
import { computeRelations } from '../../server/src/model/relations';
import { readDirectives } from '../../server/src/parse/directives';
import { diagnose, lint, toDiagnostic } from '../../server/src/service/diagnostics';
import { fixAll } from '../../server/src/service/fixAll';
import { defaultSettings } from '../../server/src/service/settings';
import { allRules } from '../../server/src/rules/registry';
import { TestLspClient } from '../helpers/lspClient';
import { generate, type GeneratedFile } from './generate';
import { SIDE_BY_SIDE_SIZES, TYPING_PAUSE_MS, sideBySideReport } from './sideBySide';

const ROOT = join(__dirname, '..', '..');
const FIX_ALL_KIND = 'source.fixAll.sinchcp';
const quick = process.argv.includes('--quick');
const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
/** `--size=2000` (or a comma-separated list) runs only these sizes (while investigating). */
const onlySizes = option('size')
  ?.split(',')
  .map(Number)
  .filter((n) => n > 0);
const runs = Number(option('runs')) || undefined;
const details = process.argv.includes('--details');

interface Size {
  label: string;
  lines: number;
  /** didOpen runs and in-process iterations, scaled so the whole bench stays well under two minutes. */
  openRuns: number;
  editRuns: number;
  inProcessRuns: number;
  fixAll: boolean;
  probes: boolean;
}

const SIZES: Size[] = [
  { label: '50', lines: 50, openRuns: 30, editRuns: 50, inProcessRuns: 200, fixAll: false, probes: false },
  { label: '2,000', lines: 2000, openRuns: 20, editRuns: 50, inProcessRuns: 40, fixAll: true, probes: false },
  { label: '20,000', lines: 20000, openRuns: 5, editRuns: 10, inProcessRuns: 5, fixAll: false, probes: true },
]
  .filter((s) => !onlySizes?.length || onlySizes.includes(s.lines))
  .map((s) =>
    quick ? { ...s, openRuns: Math.min(s.openRuns, 5), editRuns: 10, inProcessRuns: Math.min(s.inProcessRuns, 5) } : s,
  );

// ---- statistics -------------------------------------------------------------------------------------------

function quantile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
const p50 = (s: number[]) => quantile(s, 0.5);
const p95 = (s: number[]) => quantile(s, 0.95);
const ms = (n: number | undefined) => (n === undefined ? 'n/a' : n < 10 ? `${n.toFixed(2)} ms` : `${n.toFixed(1)} ms`);
const mb = (kb: number | undefined) => (kb === undefined ? 'n/a' : `${(kb / 1024).toFixed(0)} MB`);

/** Times `fn` `runs` times after `warmup` untimed runs. */
function timeIt(runs: number, fn: () => unknown, warmup = Math.min(5, runs)): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    fn();
    samples.push(performance.now() - started);
  }
  return samples;
}

async function timeAsync(runs: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn(i);
    samples.push(performance.now() - started);
  }
  return samples;
}

// ---- in-process -------------------------------------------------------------------------------------------

/** Exactly the options the server parses with (parsedDocument.ts), so the floor is the server's own parse. */
function bareParse(text: string) {
  return parseDocument(text, {
    keepSourceTokens: true,
    uniqueKeys: false,
    prettyErrors: false,
    lineCounter: new LineCounter(),
  });
}

interface InProcess {
  parse: number;
  check: number;
  findings: number;
  byRule: Record<string, number>;
  phases: [string, number][];
  fixAll?: number;
  fixAllFixed?: number;
}

function inProcess(file: GeneratedFile, size: Size): InProcess {
  const text = file.text;
  const parse = p50(timeIt(size.inProcessRuns, () => bareParse(text)));
  const check = p50(timeIt(size.inProcessRuns, () => diagnose(parseText(text), defaultSettings)));
  const diagnostics = diagnose(parseText(text), defaultSettings);
  const byRule: Record<string, number> = {};
  for (const d of diagnostics) byRule[String(d.code)] = (byRule[String(d.code)] ?? 0) + 1;

  // Where the full check's time goes: the parse's phases, then each rule on a fresh parse (the schema rules
  // share one zod pass per parse, charged to the first of them), then the conversion to LSP diagnostics.
  const runs = Math.max(3, Math.ceil(size.inProcessRuns / 2));
  const yaml = bareParse(text);
  const model = buildModel(yaml, text);
  const phases: [string, number][] = [
    ['yaml parseDocument', p50(timeIt(runs, () => bareParse(text)))],
    ['buildModel', p50(timeIt(runs, () => buildModel(yaml, text)))],
    ['computeRelations', p50(timeIt(runs, () => computeRelations(model)))],
    ['readDirectives', p50(timeIt(runs, () => readDirectives(text)))],
    ['TextDocument.create', p50(timeIt(runs, () => TextDocument.create('file:///b.sinchcp.yaml', 'sinchcp', 1, text)))],
  ];
  const ruleSamples = new Map<string, number[]>(allRules.map((r) => [r.name, []]));
  for (let i = 0; i < runs + 2; i++) {
    const doc = parseText(text);
    for (const rule of allRules) {
      const started = performance.now();
      try {
        rule.check(doc);
      } catch {
        /* a rule's bug is the hostile tests' business */
      }
      if (i >= 2) ruleSamples.get(rule.name)!.push(performance.now() - started);
    }
  }
  for (const [name, samples] of ruleSamples) phases.push([`rule ${name}`, p50(samples)]);
  const doc = parseText(text);
  const results = lint(doc, defaultSettings);
  phases.push(['toDiagnostic (positions)', p50(timeIt(runs, () => results.map((r) => toDiagnostic(doc, r))))]);

  const out: InProcess = { parse, check, findings: diagnostics.length, byRule, phases };
  if (size.fixAll) {
    const fixRuns = Math.max(3, Math.ceil(size.inProcessRuns / 4));
    out.fixAll = p50(timeIt(fixRuns, () => fixAll(parseText(text), defaultSettings), 2));
    out.fixAllFixed = [...fixAll(parseText(text), defaultSettings).fixed.values()].reduce((a, b) => a + b, 0);
  }
  return out;
}

// ---- over LSP ---------------------------------------------------------------------------------------------

interface OverLsp {
  coldOpen: number;
  open: number[];
  edit: number[];
  burst: number[];
  fixAll?: number;
  completion?: number;
  hover?: number;
  completionNote?: string;
  hoverNote?: string;
  hwmKb?: number;
  rssKb?: number;
  stderr: string;
}

function memory(pid: number | undefined): { hwmKb?: number; rssKb?: number } {
  if (!pid) return {};
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) || undefined;
    return { hwmKb: field('VmHWM'), rssKb: field('VmRSS') };
  } catch {
    return {};
  }
}

function isUnhandled(error: unknown): boolean {
  const e = error as { code?: number; message?: string };
  return e?.code === -32601 || /Unhandled method/i.test(String(e?.message));
}

/** p50 of a request at each probe position, or undefined ("n/a") when the server does not serve it yet. */
async function probeLatency(
  client: TestLspClient,
  method: string,
  uri: string,
  file: GeneratedFile,
  repeats = 5,
): Promise<{ p50?: number; note?: string }> {
  const samples: number[] = [];
  for (let r = 0; r < repeats; r++) {
    for (const probe of file.probes) {
      const started = performance.now();
      try {
        await client.request(method, {
          textDocument: { uri },
          position: { line: probe.line, character: probe.character },
        });
      } catch (error) {
        if (isUnhandled(error)) return { note: 'Unhandled method' };
        return { note: `error: ${String((error as Error).message ?? error).slice(0, 80)}` };
      }
      samples.push(performance.now() - started);
    }
  }
  return { p50: p50(samples) };
}

async function overLsp(file: GeneratedFile, size: Size, tag: string): Promise<OverLsp> {
  const { client } = await TestLspClient.start();
  try {
    let uriCounter = 0;
    const freshUri = () => `file:///bench/${tag}-${uriCounter++}.sinchcp.yaml`;
    const openOnce = async () => {
      const uri = freshUri();
      const since = client.published.length;
      const started = performance.now();
      await client.open(uri, file.text, 1);
      await client.waitForDiagnostics(uri, (p) => p.version === 1, 60_000, since);
      const elapsed = performance.now() - started;
      await client.close(uri);
      return elapsed;
    };
    const coldOpen = await openOnce();
    const open = await timeAsync(size.openRuns, openOnce);

    // One document, many one-character edits: lowercase a letter of a correct app ID (app-id-case appears),
    // then write it back (it disappears). Each edit waits for the diagnostics of its own version. "typing":
    // a typist's pause before each keystroke (outside the timing); "burst": the next keystroke the moment the
    // previous one's diagnostics arrive (a typist exactly as fast as the server).
    const uri = freshUri();
    await client.open(uri, file.text, 1);
    await client.waitForDiagnostics(uri, (p) => p.version === 1, 60_000);
    const { line, character, upper, lower } = file.editSite;
    let version = 1;
    const editOnce = async (i: number) => {
      version++;
      const since = client.published.length;
      const v = version;
      const started = performance.now();
      await client.change(uri, v, [
        {
          range: { start: { line, character }, end: { line, character: character + 1 } },
          text: i % 2 === 0 ? lower : upper,
        },
      ]);
      await client.waitForDiagnostics(uri, (p) => p.version === v, 60_000, since);
      return performance.now() - started;
    };
    const edit: number[] = [];
    for (let i = 0; i < size.editRuns; i++) {
      await new Promise((resolve) => setTimeout(resolve, TYPING_PAUSE_MS));
      edit.push(await editOnce(i));
    }
    const burst: number[] = [];
    for (let i = 0; i < Math.min(20, size.editRuns); i++) burst.push(await editOnce(i));

    const out: OverLsp = { coldOpen, open, edit, burst, stderr: '' };
    if (size.fixAll) {
      const samples = await timeAsync(8, async () => {
        const actions = await client.request<{ kind?: string }[]>('textDocument/codeAction', {
          textDocument: { uri },
          range: { start: { line: 0, character: 0 }, end: { line: file.lineCount, character: 0 } },
          context: { diagnostics: [], only: [FIX_ALL_KIND] },
        });
        if (!actions.some((a) => a.kind === FIX_ALL_KIND)) throw new Error('no fix-all action returned');
      });
      out.fixAll = p50(samples.slice(1));
    }
    if (size.probes) {
      const completion = await probeLatency(client, 'textDocument/completion', uri, file);
      const hover = await probeLatency(client, 'textDocument/hover', uri, file);
      Object.assign(out, {
        completion: completion.p50,
        completionNote: completion.note,
        hover: hover.p50,
        hoverNote: hover.note,
      });
    }
    Object.assign(out, memory(client.pid));
    out.stderr = client.stderr;
    return out;
  } finally {
    await client.stop();
  }
}

// ---- report -----------------------------------------------------------------------------------------------

async function detailedReport(): Promise<string> {
  const rows: string[] = [];
  const details: string[] = [];
  const budget: string[] = [];
  const notes = new Set<string>();
  for (const size of SIZES) {
    const file = generate({ lines: size.lines });
    process.stderr.write(`bench: ${file.lineCount} lines (${file.plantedTotal} planted mistakes)…\n`);
    const local = inProcess(file, size);
    const lsp = await overLsp(file, size, `s${size.lines}`);
    if (lsp.stderr.trim())
      notes.add(`server stderr (${size.label} lines): ${lsp.stderr.trim().split('\n').slice(0, 5).join(' | ')}`);
    if (lsp.completionNote) notes.add(`completion: ${lsp.completionNote} (n/a)`);
    if (lsp.hoverNote) notes.add(`hover: ${lsp.hoverNote} (n/a)`);
    rows.push(
      `| ${[
        file.lineCount.toLocaleString('en-US'),
        `${local.findings} (${file.plantedTotal} planted)`,
        ms(local.parse),
        ms(local.check),
        `${ms(p50(lsp.open))} / ${ms(p95(lsp.open))} (cold ${ms(lsp.coldOpen)})`,
        `${ms(p50(lsp.edit))} / ${ms(p95(lsp.edit))}`,
        `${ms(p50(lsp.burst))} / ${ms(p95(lsp.burst))}`,
        size.fixAll ? `${ms(local.fixAll)} (${local.fixAllFixed} fixed)` : '—',
        size.fixAll ? ms(lsp.fixAll) : '—',
        size.probes ? ms(lsp.completion) : '—',
        size.probes ? ms(lsp.hover) : '—',
        mb(lsp.hwmKb),
        mb(lsp.rssKb),
      ].join(' | ')} |`,
    );
    details.push(
      `\n### ${file.lineCount.toLocaleString('en-US')} lines: where the in-process check spends its time (p50)\n`,
    );
    details.push('| phase | p50 |', '|---|---|');
    for (const [phase, t] of local.phases) details.push(`| ${phase} | ${ms(t)} |`);
    details.push(
      `\nfindings by rule: ${
        Object.entries(local.byRule)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ') || 'none'
      }`,
    );
    if (size.lines === 2000) {
      const editP50 = p50(lsp.edit);
      const limit = Math.min(30, 1.5 * local.parse);
      budget.push(
        `Budget (2,000 lines): edit → diagnostics (typing) p50 ${ms(editP50)} vs. min(30 ms, 1.5 × bare parse ${ms(local.parse)}) = ${ms(limit)}: ` +
          (editP50 <= limit ? '**met**' : '**missed**'),
      );
    }
  }

  const header = [
    '| lines | findings | bare YAML parse p50 | full check in-process p50 | didOpen → diagnostics p50 / p95 | edit → diagnostics p50 / p95 (typing) | edit → diagnostics p50 / p95 (burst) | fix-all in-process p50 | fix-all over LSP p50 | completion p50 | hover p50 | server VmHWM | server VmRSS |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  const env =
    `node ${process.version}, ${process.platform}/${process.arch}; ${new Date().toISOString()}; ${allRules.length} rules registered` +
    (quick ? '; --quick' : '');
  return [
    '## sinchcp alone: details',
    '',
    env,
    '',
    ...header,
    ...rows,
    '',
    `Typing: ${TYPING_PAUSE_MS} ms pause before each one-character edit (not timed); burst: the next edit as soon as the previous one's diagnostics arrive. ` +
      'Open: fresh URI per run, closed after. Fix-all: `textDocument/codeAction` with `only: [source.fixAll.sinchcp]`. Memory: /proc/<server pid>/status after the run (one fresh server per size).',
    '',
    ...budget,
    ...(notes.size ? ['', ...[...notes].map((n) => `- ${n}`)] : []),
    ...details,
    '',
  ].join('\n');
}

function machine(): string {
  const [one, five, fifteen] = loadavg().map((l) => l.toFixed(2));
  return `${availableParallelism()} CPUs (${cpus()[0]?.model.trim() ?? 'unknown'}), load average ${one} / ${five} / ${fifteen}`;
}

async function main(): Promise<void> {
  const startedAt = performance.now();
  const atStart = machine();
  const sizes = SIDE_BY_SIDE_SIZES.filter((s) => !onlySizes?.length || onlySizes.includes(s.lines)).map((s) =>
    runs
      ? {
          ...s,
          plan: {
            ...s.plan,
            openRuns: runs,
            editRuns: Math.max(3, Math.round((s.plan.editRuns * runs) / s.plan.openRuns)),
          },
        }
      : s,
  );
  const sideBySide = await sideBySideReport(
    sizes,
    (lines) => generate({ lines }),
    (file) => p50(timeIt(Math.max(3, Math.round(40_000 / file.lineCount)), () => bareParse(file.text), 1)),
  );
  const report = [
    '# sinchcp benchmark',
    '',
    `\`npm run bench\` — node ${process.version}, ${process.platform}/${process.arch}, ${new Date().toISOString()}`,
    `Machine at start: ${atStart}; at end of the side-by-side part: ${machine()}.`,
    '',
    `## Side by side with yaml-language-server ${yamlLsVersion()}`,
    '',
    sideBySide,
    '',
    ...(details ? [await detailedReport()] : []),
    `Bench took ${((performance.now() - startedAt) / 1000).toFixed(1)} s.`,
    '',
  ].join('\n');
  process.stdout.write(report);
  mkdirSync(join(ROOT, '.bench'), { recursive: true });
  writeFileSync(join(ROOT, '.bench', 'results.md'), report);
}

function yamlLsVersion(): string {
  return (JSON.parse(readFileSync(require.resolve('yaml-language-server/package.json'), 'utf8')) as { version: string })
    .version;
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
