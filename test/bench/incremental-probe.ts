// A measurement for choosing the incremental-analysis design (not used by the server). On the 20,000-line
// generated file it times, as medians of several runs:
//   (a) a full `yaml` parse the way the server parses (Parser → Composer, keepSourceTokens);
//   (b) re-parsing one top-level list item alone (a `queues` item, sliced by its node's offsets, parsed at its
//       own indentation) and the work that splicing it back into the full tree would need;
//   (c) web-tree-sitter with the tree-sitter YAML grammar (WASM from npm): full parse, and the incremental
//       re-parse after a one-character edit, plus a walk over the whole tree (the cost of reading it all).
// Usage: node --import tsx test/bench/incremental-probe.ts [--lines=20000] [--runs=7]
import {
  Composer,
  isNode,
  isSeq,
  Parser as YamlParser,
  visit,
  type CST,
  type Document,
  type Node,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import {
  Language,
  Parser as TreeSitterParser,
  type Edit,
  type Node as TsNode,
  type Point,
  type Tree,
} from 'web-tree-sitter';
import { generate } from './generate';

const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const LINES = Number(option('lines')) || 20_000;
const RUNS = Number(option('runs')) || 7;

/** The options the server composes with (duplicate keys are a rule's business, not a parse error). */
const YAML_OPTIONS = { keepSourceTokens: true, uniqueKeys: false, prettyErrors: false, logLevel: 'error' } as const;

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
function time<T>(runs: number, fn: () => T): { ms: number; last: T } {
  let last = fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    last = fn();
    samples.push(performance.now() - started);
  }
  return { ms: median(samples), last };
}
const ms = (n: number) =>
  n < 1 ? `${(n * 1000).toFixed(0)} µs` : n < 10 ? `${n.toFixed(2)} ms` : `${n.toFixed(1)} ms`;

function yamlTokens(text: string): CST.Token[] {
  return [...new YamlParser().parse(text)];
}
function yamlCompose(tokens: CST.Token[], length: number): Document.Parsed {
  const docs = [...new Composer(YAML_OPTIONS).compose(tokens, true, length)];
  return docs[0]!;
}
const yamlFull = (text: string) => yamlCompose(yamlTokens(text), text.length);

function point(text: string, offset: number): Point {
  const before = text.slice(0, offset);
  const row = before.split('\n').length - 1;
  return { row, column: offset - (before.lastIndexOf('\n') + 1) };
}

async function main(): Promise<void> {
  const file = generate({ lines: LINES });
  const text = file.text;
  const rows: [string, string, string][] = [];
  const note = (what: string, value: string, comment = '') => rows.push([what, value, comment]);

  // ---- (a) full yaml parse ------------------------------------------------------------------------------------
  const lex = time(RUNS, () => yamlTokens(text));
  const compose = time(RUNS, () => yamlCompose(lex.last, text.length));
  const full = time(RUNS, () => yamlFull(text));
  note('(a) yaml: Parser (CST tokens) of the whole file', ms(lex.ms));
  note('(a) yaml: Composer (Document with keepSourceTokens) of the whole file', ms(compose.ms));
  note('(a) yaml: full parse (both)', ms(full.ms), `${file.lineCount} lines, ${text.length} chars`);

  // ---- (b) one top-level list item alone --------------------------------------------------------------------
  const doc = full.last;
  const queues = (doc.contents as YAMLMap).get('queues', true) as unknown as YAMLSeq<Node>;
  const item = queues.items[Math.floor(queues.items.length / 2)]!;
  const [itemStart, , itemEnd] = item.range!;
  // The slice runs from the start of the item's first line (its `- ` marker and indentation) to its end, so it
  // parses as a one-item block sequence at the same indentation.
  const sliceStart = text.lastIndexOf('\n', itemStart - 1) + 1;
  const slice = text.slice(sliceStart, itemEnd);
  const itemParse = time(RUNS * 20, () => yamlFull(slice));
  const reparsed = (itemParse.last.contents as YAMLSeq<Node>).items[0]!;
  const same = JSON.stringify(reparsed.toJSON()) === JSON.stringify(item.toJSON());
  note(
    '(b) yaml: parse one `queues` item alone (slice by its offsets)',
    ms(itemParse.ms),
    `${slice.split('\n').length - 1} lines; value equal to the full parse's item: ${same}; errors: ${itemParse.last.errors.length}`,
  );
  // Locating the item an edit falls in: a binary search over the top-level items' ranges.
  const allItems = (doc.contents as YAMLMap).items.flatMap((pair) =>
    isSeq(pair.value) ? (pair.value.items as Node[]) : [],
  );
  const locate = time(RUNS * 1000, () => {
    let lo = 0,
      hi = allItems.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (allItems[mid]!.range![2] < itemStart + 5) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  });
  note(
    '(b) find the item an edit falls in (binary search over item ranges)',
    ms(locate.ms),
    `${allItems.length} items`,
  );
  // Splicing back with absolute offsets: the new item's ranges are shifted by the slice's start, and every node
  // after the edit moves by the edit's length (here +1): a walk over all later nodes and source tokens.
  const shiftAfter = (delta: number) => {
    let shifted = 0;
    visit(doc, (_key, node) => {
      if (isNode(node) && node.range && node.range[0] > itemEnd) {
        node.range = [node.range[0] + delta, node.range[1] + delta, node.range[2] + delta];
        shifted++;
        const token = (node as { srcToken?: { offset: number } }).srcToken;
        if (token) token.offset += delta;
      }
    });
    return shifted;
  };
  const shift = time(RUNS, () => shiftAfter(0));
  note(
    '(b) splice: shift the absolute offsets of every later node (+ its source token)',
    ms(shift.ms),
    `${shift.last} nodes after the item; relative offsets per item would make this O(items) or free`,
  );
  const replace = time(RUNS * 1000, () => {
    queues.items[Math.floor(queues.items.length / 2)] = reparsed;
    return 0;
  });
  note(
    '(b) splice: replace the item node in its sequence',
    ms(replace.ms),
    'the CST (keepSourceTokens) needs the same, token by token',
  );

  // ---- (c) tree-sitter -------------------------------------------------------------------------------------
  const initStarted = performance.now();
  await TreeSitterParser.init();
  const language = await Language.load(require.resolve('@tree-sitter-grammars/tree-sitter-yaml/tree-sitter-yaml.wasm'));
  note(
    '(c) tree-sitter: load runtime + YAML grammar (once per process)',
    ms(performance.now() - initStarted),
    `grammar ABI ${language.abiVersion}`,
  );
  const parser = new TreeSitterParser();
  parser.setLanguage(language);
  let trees: Tree[] = [];
  const tsFull = time(RUNS, () => {
    const tree = parser.parse(text)!;
    trees.push(tree);
    return tree;
  });
  note('(c) tree-sitter: full parse', ms(tsFull.ms));

  // One-character edit: lowercase a letter of an app ID in the middle of the file (the bench's edit site).
  const lines = text.split('\n');
  const editOffset = lines.slice(0, file.editSite.line).reduce((n, l) => n + l.length + 1, 0) + file.editSite.character;
  const edited = text.slice(0, editOffset) + file.editSite.lower + text.slice(editOffset + 1);
  const position = point(text, editOffset);
  const edit: Edit = {
    startIndex: editOffset,
    oldEndIndex: editOffset + 1,
    newEndIndex: editOffset + 1,
    startPosition: position,
    oldEndPosition: { ...position, column: position.column + 1 },
    newEndPosition: { ...position, column: position.column + 1 },
  };
  const base = tsFull.last;
  const incremental = time(RUNS * 5, () => {
    const old = base.copy();
    old.edit(edit);
    const tree = parser.parse(edited, old)!;
    old.delete();
    trees.push(tree);
    return tree;
  });
  const changed = (() => {
    const old = base.copy();
    old.edit(edit);
    const r = old.getChangedRanges(incremental.last);
    old.delete();
    return r;
  })();
  note(
    '(c) tree-sitter: incremental re-parse after a one-character edit',
    ms(incremental.ms),
    `changed ranges: ${changed.length} (${changed.map((r) => `${r.endIndex - r.startIndex} chars`).join(', ') || 'none: same structure'})`,
  );

  // Reading the whole tree (what building our model from scratch over it would cost), with a cursor.
  const walk = time(RUNS, () => {
    const cursor = base.walk();
    let nodes = 0;
    for (;;) {
      nodes++;
      if (cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling())
        if (!cursor.gotoParent()) {
          cursor.delete();
          return nodes;
        }
    }
  });
  note('(c) tree-sitter: walk every node of the tree (cursor)', ms(walk.ms), `${walk.last} nodes`);
  const locateTs = time(RUNS * 100, () => base.rootNode.descendantForIndex(editOffset)!.type);
  note('(c) tree-sitter: node at the edit (descendantForIndex)', ms(locateTs.ms), locateTs.last);

  // Error recovery on a broken keystroke (an unclosed flow sequence in one app's channels): how much of the
  // file each parser still understands.
  const brokenOffset = text.indexOf('channels: [', editOffset) + 'channels: ['.length - 1;
  const broken = text.slice(0, brokenOffset) + '[' + text.slice(brokenOffset);
  const yamlBroken = yamlFull(broken);
  const tsBroken = parser.parse(broken)!;
  const errorNodes: TsNode[] = [];
  const stack: TsNode[] = [tsBroken.rootNode];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'ERROR' || n.isMissing) {
      errorNodes.push(n);
      continue;
    }
    if (n.hasError) stack.push(...n.children.filter((c): c is TsNode => c !== null));
  }
  const covered = errorNodes.reduce((sum, n) => sum + (n.endIndex - n.startIndex), 0);
  const yamlQueues = (yamlBroken.contents as YAMLMap | null)?.get?.('queues', true);
  note(
    '(c) broken keystroke: yaml errors / still composes `queues`',
    `${yamlBroken.errors.length} errors`,
    `queues items: ${isSeq(yamlQueues) ? yamlQueues.items.length : 'lost'} of ${queues.items.length}; first: ${yamlBroken.errors[0]?.message.split('\n')[0] ?? '-'}`,
  );
  note(
    '(c) broken keystroke: tree-sitter ERROR/MISSING nodes',
    `${errorNodes.length} nodes`,
    `covering ${covered} of ${broken.length} chars (${((100 * covered) / broken.length).toFixed(1)}%)`,
  );
  // The grammar gives untyped scalars: quoted strings keep their quotes and escapes, numbers/booleans are
  // only node types; the server's model would have to decode them itself.
  const scalar = base.rootNode.descendantForIndex(text.indexOf('smsSenderId: "') + 'smsSenderId: "'.length)!;
  note('(c) a double-quoted scalar as tree-sitter gives it', JSON.stringify(scalar.text).slice(0, 40), scalar.type);
  const heap = process.memoryUsage();
  note(
    'memory after all of the above (JS heap / external incl. WASM)',
    `${Math.round(heap.heapUsed / 2 ** 20)} MB / ${Math.round(heap.external / 2 ** 20)} MB`,
    'indicative only',
  );
  for (const tree of trees) tree.delete();
  trees = [];

  process.stdout.write(
    [
      `# Incremental analysis probe — ${file.lineCount.toLocaleString('en-US')} lines, medians of ${RUNS}+ runs, node ${process.version}`,
      '',
      '| measurement | median | notes |',
      '|---|---|---|',
      ...rows.map(([a, b, c]) => `| ${a} | ${b} | ${c} |`),
      '',
    ].join('\n'),
  );
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
