// The documentation stands on its own and stays true to the code: every rule of the registry has its page in
// docs/rules/ (and no page lacks a rule), each page states the rule's default severity as the registry has it,
// every Markdown link resolves, and every citation written in a doc or a code comment (a repository path such as
// `server/src/parse/limits.ts`, any `….md` file, with or without a `#section`) names a file and a heading that
// exist in the repository: a "why" must never point at a page the repository does not hold. Anchors are computed
// the way GitHub renders headings; code comments are read with the TypeScript parser, so strings are not comments.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { parseText } from '../../server/src/parse/parsedDocument';
import { allRules } from '../../server/src/rules/registry';
import { keyTableMarkdown } from '../../server/src/schema/keyTable';

const ROOT = resolve(__dirname, '..', '..');
const DOCS = join(ROOT, 'docs');
const RULE_PAGES = join(DOCS, 'rules');
const TOP_LEVEL_MARKDOWN = ['README.md', 'ARCHITECTURE.md', 'CONTRIBUTING.md'];
/** Source files whose comments are read for citations (JSON only where it may hold comments: .vscode/). */
const CODE_EXTENSIONS = /\.(ts|mts|cts|js|mjs|cjs)$/;
/** Not the project's own text: dependencies, build output, test inputs, third-party fixtures, git. */
const SKIPPED_FOLDERS = new Set([
  'node_modules',
  'fixtures',
  'grammar-fixtures',
  'dist',
  '.vscode-test',
  'workspace',
  '.git',
]);

// ------------------------------------------------------------------------------------------ Markdown reading

/** The text with fenced code blocks blanked out (line count kept), so examples are not read as links. */
function withoutCodeBlocks(markdown: string): string {
  const lines = markdown.split('\n');
  let fence: string | undefined;
  return lines
    .map((line) => {
      const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
      if (fence === undefined && marker) {
        fence = marker;
        return '';
      }
      if (fence !== undefined) {
        if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker)
          fence = undefined;
        return '';
      }
      return line;
    })
    .join('\n');
}

/** A heading's anchor as GitHub makes it: the rendered text, lowercased, punctuation dropped, spaces to `-`. */
function githubAnchor(headingText: string): string {
  const rendered = headingText
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // links and images: their text
    .replace(/<[^>]+>/g, '') // inline HTML
    .replace(/`/g, '')
    .replace(/[*~]/g, '');
  return rendered
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** Every heading anchor of a Markdown text, with GitHub's `-1`, `-2` suffixes for repeated headings. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of withoutCodeBlocks(markdown).split('\n')) {
    const heading = /^ {0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(line)?.[1];
    if (heading === undefined) continue;
    const base = githubAnchor(heading);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count ? `${base}-${count}` : base);
  }
  return anchors;
}

/** The targets of a Markdown text's inline links, images and reference definitions, with their lines. */
function linkTargets(markdown: string): { target: string; line: number }[] {
  const out: { target: string; line: number }[] = [];
  withoutCodeBlocks(markdown)
    .split('\n')
    .forEach((raw, index) => {
      const line = raw.replace(/`[^`]*`/g, ''); // code spans are not links
      for (const match of line.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g))
        out.push({ target: match[1]!, line: index + 1 });
      const definition = /^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/.exec(line);
      if (definition) out.push({ target: definition[1]!, line: index + 1 });
    });
  return out;
}

/** A citation found in a text: what it names, and the line it is on. */
interface Citation {
  target: string;
  line: number;
}

/** The repository's top-level folders (source, docs, tests…): a path starting with one of them is a citation. */
const TOP_FOLDERS = readdirSync(ROOT, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name))
  .map((entry) => entry.name.replace(/[.]/g, '\\.'));
const REPOSITORY_PATH = new RegExp(
  `(?<![\\w/.-])(?:${TOP_FOLDERS.join('|')})/(?:[\\w.-]+/)*(?:[\\w.-]*\\w)?(?:#[\\w-]+)?`,
  'g',
);
/** Any Markdown file named, bare (`README.md`) or with a path (`../sources.md`, `docs/format.md#the-keys`). */
const MARKDOWN_FILE = /(?<![\w/.-])(?:\.{1,2}\/)*(?:[\w.-]+\/)*[\w-][\w.-]*\.md(?:#[\w-]+)?(?![\w-])/g;

/** The citations in a text: repository paths and Markdown files, web addresses left out (they are not ours). */
function citationsIn(text: string, firstLine = 1): Citation[] {
  const out: Citation[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/[a-z][a-z0-9+.-]*:\/\/\S*/gi, ' ');
    const found = new Set<string>();
    for (const pattern of [REPOSITORY_PATH, MARKDOWN_FILE]) {
      for (const match of line.matchAll(pattern)) {
        const target = match[0].replace(/[.]+$/, '');
        if (target && !found.has(target)) out.push({ target, line: firstLine + index });
        found.add(target);
      }
    }
  });
  return out;
}

/** The comments of a source file (TypeScript, JavaScript, or JSON with comments), with their first lines. */
function commentsOf(path: string, text: string): { text: string; line: number }[] {
  const kind = path.endsWith('.json')
    ? ts.ScriptKind.JSON
    : /\.[mc]?js$/.test(path)
      ? ts.ScriptKind.JS
      : ts.ScriptKind.TS;
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false, kind);
  const seen = new Set<number>();
  const out: { text: string; line: number }[] = [];
  const take = (ranges: ts.CommentRange[] | undefined) => {
    for (const range of ranges ?? []) {
      if (seen.has(range.pos)) continue;
      seen.add(range.pos);
      out.push({
        text: text.slice(range.pos, range.end),
        line: source.getLineAndCharacterOfPosition(range.pos).line + 1,
      });
    }
  };
  // A comment is trivia before or after a node: the trailing ranges at a position are the comments on its line,
  // the leading ones those on the lines below, up to the next token (so the comments before a `}` too).
  const around = (position: number) => {
    take(ts.getTrailingCommentRanges(text, position));
    take(ts.getLeadingCommentRanges(text, position));
  };
  const visit = (node: ts.Node) => {
    around(node.pos);
    around(node.end);
    ts.forEachChild(node, visit);
  };
  take(ts.getLeadingCommentRanges(text, ts.getShebang(text)?.length ?? 0));
  visit(source);
  return out;
}

/** Every citation in a file: in a code file, those in its comments; in a Markdown file, those outside code blocks. */
function citationsOfFile(path: string): Citation[] {
  const text = readFileSync(path, 'utf8');
  if (path.endsWith('.md')) return citationsIn(withoutCodeBlocks(text));
  return commentsOf(path, text).flatMap((comment) => citationsIn(comment.text, comment.line));
}

const anchorCache = new Map<string, Set<string>>();
function anchorsOfFile(path: string): Set<string> {
  let anchors = anchorCache.get(path);
  if (!anchors) anchorCache.set(path, (anchors = anchorsOf(readFileSync(path, 'utf8'))));
  return anchors;
}

/**
 * Why a link target does not resolve, or undefined when it does. `from` is the file the link is written in;
 * targets are relative to its folder (or, with `fromRoot`, to the repository). Web and mail links are not
 * followed: only what the repository holds is checked.
 */
function brokenTarget(target: string, from: string, fromRoot = false): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return undefined;
  const [pathPart = '', anchor] = target.split('#', 2);
  const path = decodeURIComponent(pathPart.split('?')[0]!);
  let file = from;
  if (path) {
    file = resolve(fromRoot ? ROOT : dirname(from), path);
    if (!existsSync(file)) return `${relative(ROOT, file)} does not exist`;
    if (statSync(file).isDirectory()) {
      if (!anchor) return undefined;
      file = join(file, 'README.md');
      if (!existsSync(file)) return `${relative(ROOT, file)} does not exist (for the anchor #${anchor})`;
    }
  }
  if (anchor === undefined || !file.endsWith('.md')) return undefined;
  if (!anchorsOfFile(file).has(anchor)) return `${relative(ROOT, file)} has no heading with the anchor #${anchor}`;
  return undefined;
}

/** The folders .gitignore keeps out of the repository (`dist/`, `.bench/`…): what a build or a run writes. */
const OUTPUT_FOLDERS = new Set(
  readFileSync(join(ROOT, '.gitignore'), 'utf8')
    .split('\n')
    .map((line) => /^\/?([\w.-]+)\/$/.exec(line.trim())?.[1])
    .filter((name): name is string => !!name),
);

/** Every Markdown file of the repository, by file name (for a citation that names one without its folder). */
let markdownByName: Map<string, string[]> | undefined;
function markdownNamed(name: string): string[] {
  if (!markdownByName) {
    markdownByName = new Map();
    for (const path of filesUnder(ROOT, (file) => file.endsWith('.md'))) {
      markdownByName.set(basename(path), [...(markdownByName.get(basename(path)) ?? []), path]);
    }
  }
  return markdownByName.get(name) ?? [];
}

/**
 * Why a citation written in `from` does not resolve, or undefined when it does. `./` and `../` paths are relative
 * to the citing file and must stay inside the repository; other paths are relative to the repository root or to
 * the citing file's folder; a bare `NAME.md` may be any Markdown file of the repository with that name.
 */
function brokenCitation(target: string, from: string): string | undefined {
  const [path = '', anchor] = target.split('#', 2);
  if (OUTPUT_FOLDERS.has(path.split('/')[0]!)) return undefined; // written by a build or a run, never committed
  const candidates: string[] = /^\.{1,2}\//.test(path)
    ? [resolve(dirname(from), path)]
    : [resolve(ROOT, path), resolve(dirname(from), path), ...(path.includes('/') ? [] : markdownNamed(path))];
  const inside = candidates.filter((file) => file === ROOT || file.startsWith(ROOT + sep));
  if (!inside.length) return `${path} is outside the repository`;
  const file = inside.find((candidate) => existsSync(candidate));
  if (!file) return `${path} is not in the repository`;
  if (anchor === undefined || extname(file) !== '.md') return undefined;
  return brokenTarget(`#${anchor}`, file);
}

function markdownFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return markdownFilesUnder(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

function filesUnder(dir: string, wanted: (path: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return SKIPPED_FOLDERS.has(entry.name) ? [] : filesUnder(path, wanted);
    return wanted(path) ? [path] : [];
  });
}

/** The files whose text may cite: every Markdown file, every source file, and the commented JSON of .vscode/. */
function citingFiles(): string[] {
  return filesUnder(
    ROOT,
    (path) =>
      path.endsWith('.md') ||
      CODE_EXTENSIONS.test(path) ||
      (path.endsWith('.json') && basename(dirname(path)) === '.vscode'),
  );
}

function documentationFiles(): string[] {
  const top = TOP_LEVEL_MARKDOWN.map((name) => join(ROOT, name)).filter((path) => existsSync(path));
  return [...top, ...markdownFilesUnder(DOCS)];
}

/** A rule page's section by its `## ` heading, up to the next one. */
function section(page: string, heading: string): string {
  const start = page.indexOf(`\n## ${heading}\n`);
  if (start < 0) return '';
  const next = page.indexOf('\n## ', start + 1);
  return page.slice(start, next < 0 ? undefined : next);
}

function rulePage(name: string): string {
  return readFileSync(join(RULE_PAGES, `${name}.md`), 'utf8');
}

// ------------------------------------------------------------------------------------- the checker's own parts

test('anchors are computed the way GitHub renders headings', () => {
  assert.equal(githubAnchor('Regions'), 'regions');
  assert.equal(githubAnchor('`missing-key`'), 'missing-key');
  assert.equal(githubAnchor('One webhook secret per service'), 'one-webhook-secret-per-service');
  assert.equal(githubAnchor('Secrets: `${env:NAME}`'), 'secrets-envname');
  assert.equal(githubAnchor('What **it** checks (and why)'), 'what-it-checks-and-why');
  assert.equal(githubAnchor('MESSAGE_INBOUND & co.'), 'message_inbound--co');
  assert.deepEqual([...anchorsOf('# A\n\n```md\n# Not a heading\n```\n## A\n### B #\n')], ['a', 'a-1', 'b']);
});

test('links are read from prose, not from code', () => {
  const markdown =
    'See [a](x.md#y) and `[b](not.md)`.\n```\n[c](fenced.md)\n```\n[d]: <ref.md>\n![i](img.png "title")\n';
  assert.deepEqual(
    linkTargets(markdown).map((l) => l.target),
    ['x.md#y', 'ref.md', 'img.png'],
  );
});

test('a link to a missing file or heading is reported, a good one is not', () => {
  const from = join(DOCS, 'rules', 'missing-key.md');
  assert.equal(brokenTarget('../sources.md#regions', from), undefined);
  assert.equal(brokenTarget('../format.md', from), undefined);
  assert.equal(brokenTarget('https://developers.sinch.com/docs/conversation/callbacks', from), undefined);
  assert.match(
    brokenTarget('../sources.md#no-such-heading', from) ?? '',
    /has no heading with the anchor #no-such-heading/,
  );
  assert.match(brokenTarget('no-such-rule.md', from) ?? '', /docs\/rules\/no-such-rule\.md does not exist/);
  assert.match(brokenTarget('#nowhere', from) ?? '', /missing-key\.md has no heading/);
  assert.match(brokenTarget('docs/nothing.md#x', ROOT, true) ?? '', /docs\/nothing\.md does not exist/);
});

test('citations are read from comments only, repository paths and Markdown files alike, web addresses left out', () => {
  const code = [
    '// why: docs/sources.md#regions, see server/src/parse/limits.ts and CONTRIBUTING.md.',
    "const url = 'docs/not-a-comment.md'; /* block: ../elsewhere/notes.md */",
    'const re = /\\/\\/ not a comment: docs\\/x\\.md/; // https://example.com/docs/page.md is a web page',
    'const t = `${1} // in a template: docs/y.md`;',
    'function f() {',
    '  return 1;',
    '  // before the brace: test/unit/docs.test.ts',
    '}',
  ].join('\n');
  const found = commentsOf('x.ts', code).flatMap((comment) => citationsIn(comment.text, comment.line));
  assert.deepEqual(found, [
    { target: 'docs/sources.md#regions', line: 1 },
    { target: 'server/src/parse/limits.ts', line: 1 },
    { target: 'CONTRIBUTING.md', line: 1 },
    { target: '../elsewhere/notes.md', line: 2 },
    { target: 'test/unit/docs.test.ts', line: 7 },
  ]);
  assert.deepEqual(
    citationsIn('a SPEC-NOTES.md and test/fixtures/rules/<rule>/ and `docs/….md` and docs/rules/*.md').map(
      (c) => c.target,
    ),
    ['test/fixtures/rules/', 'docs/', 'docs/rules/', 'SPEC-NOTES.md'],
  );
});

test('a citation of a file, folder or heading the repository lacks is reported, a good one is not', () => {
  const from = join(ROOT, 'server', 'src', 'schema', 'domain.ts');
  for (const good of [
    'docs/sources.md#regions',
    'server/src/parse/limits.ts',
    'test/fixtures/rules/',
    'README.md#rules',
    'CONTRIBUTING.md',
    '../parse/limits.ts',
  ]) {
    assert.equal(brokenCitation(good, from), undefined, good);
  }
  assert.match(
    brokenCitation('docs/sources.md#no-such-section', from) ?? '',
    /has no heading with the anchor #no-such-section/,
  );
  assert.match(brokenCitation('server/src/no-such-file.ts', from) ?? '', /is not in the repository/);
  assert.match(brokenCitation('ELSEWHERE.md', from) ?? '', /ELSEWHERE\.md is not in the repository/);
  assert.match(brokenCitation('ELSEWHERE.md#section-2', from) ?? '', /is not in the repository/);
  assert.match(brokenCitation('../../../../elsewhere/notes.md', from) ?? '', /is outside the repository/);
  assert.equal(brokenCitation('.bench/results.md', from), undefined, 'an output the repository ignores on purpose');
});

// ------------------------------------------------------------------------------------------- the rule pages

test('every rule in the registry has a page in docs/rules/, and every page is a rule', () => {
  const pages = readdirSync(RULE_PAGES)
    .filter((name) => name.endsWith('.md'))
    .map((name) => name.slice(0, -'.md'.length));
  assert.deepEqual([...pages].sort(), allRules.map((rule) => rule.name).sort());
});

for (const rule of allRules) {
  test(`${rule.name}: its page follows the template and states the registry's default severity`, () => {
    const page = rulePage(rule.name);
    assert.ok(page.startsWith(`# \`${rule.name}\`\n`), 'the page is headed by the rule name');
    const stated = /^Default severity: \*\*(\w+)\*\*/m.exec(page)?.[1];
    assert.equal(stated, rule.severity, 'the severity in the page header');
    assert.equal(
      /^Default: \*\*(\w+)\*\*/m.exec(section(page, 'Severity'))?.[1],
      rule.severity,
      'the severity in the Severity section',
    );
    for (const heading of ['What it checks', 'Why', 'Wrong', 'Right', 'Quick fixes', 'Severity']) {
      assert.ok(section(page, heading), `no "## ${heading}" section`);
    }
    assert.match(section(page, 'Wrong'), /```yaml\n[^`]+```/, 'a wrong example');
    assert.match(section(page, 'Right'), /```yaml\n[^`]+```/, 'a right example');
    assert.match(
      section(page, 'Why'),
      /\]\(\.\.\/(sources|format)\.md[#)]/,
      'the "why" links to its source or to the format',
    );
    for (const how of [`"${rule.name}":`, `--rule ${rule.name}=`, `# sinchcp-disable-next-line ${rule.name}`]) {
      assert.ok(page.includes(how), `the page says how to change the severity: ${how}`);
    }
    const fixes = section(page, 'Quick fixes');
    assert.equal(
      /\nNone[:.]/.test(fixes),
      rule.fixes === undefined,
      rule.fixes ? 'the rule has quick fixes: describe them' : 'the rule has no quick fix: say "None"',
    );
  });
}

test('every YAML example in the docs parses as sinchcp parses it, except the wrong example of yaml-syntax', () => {
  const invalid: string[] = [];
  for (const file of markdownFilesUnder(DOCS)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/```yaml\n([\s\S]*?)```/g)) {
      if (parseText(match[1]!).yaml.errors.length) invalid.push(relative(ROOT, file));
    }
  }
  assert.deepEqual(invalid, [relative(ROOT, join(RULE_PAGES, 'yaml-syntax.md'))]);
});

test('the docs index links every rule page, with the default severity', () => {
  const index = readFileSync(join(DOCS, 'README.md'), 'utf8');
  const rows = new Map(
    [...index.matchAll(/^\| \[`([^`]+)`\]\(rules\/\1\.md\) \| (\w+) \|/gm)].map((m) => [m[1]!, m[2]!]),
  );
  for (const rule of allRules)
    assert.equal(rows.get(rule.name), rule.severity, `docs/README.md: the row of ${rule.name}`);
  assert.equal(rows.size, allRules.length, "docs/README.md lists only the registry's rules");
});

test('docs/format.md describes every key of the schema', () => {
  const format = readFileSync(join(DOCS, 'format.md'), 'utf8');
  const keys = [...keyTableMarkdown().matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]!);
  assert.ok(keys.length > 20, 'the key table has the keys');
  for (const key of keys) assert.ok(format.includes(`\`${key}\``), `docs/format.md does not mention \`${key}\``);
});

// ------------------------------------------------------------------------------------- links and citations

test('every Markdown link in the docs and the top-level Markdown files resolves', () => {
  const broken: string[] = [];
  for (const file of documentationFiles()) {
    for (const { target, line } of linkTargets(readFileSync(file, 'utf8'))) {
      const why = brokenTarget(target, file);
      if (why) broken.push(`${relative(ROOT, file)}:${line}: (${target}) ${why}`);
    }
  }
  assert.deepEqual(broken, []);
});

test('every path and Markdown file cited in the docs and in code comments is in the repository', () => {
  const broken: string[] = [];
  const files = citingFiles();
  assert.ok(
    files.some((file) => file.endsWith(join('server', 'src', 'schema', 'domain.ts'))),
    'the server sources are read',
  );
  assert.ok(
    files.some((file) => file.endsWith('esbuild.mjs')),
    'the build scripts are read',
  );
  assert.ok(
    files.some((file) => file.endsWith(join('.vscode', 'launch.json'))),
    'the launch configurations are read',
  );
  for (const file of files) {
    if (file === __filename) continue; // this file names broken citations on purpose
    for (const { target, line } of citationsOfFile(file)) {
      const why = brokenCitation(target, file);
      if (why) broken.push(`${relative(ROOT, file)}:${line}: ${target}: ${why}`);
    }
  }
  assert.deepEqual(broken, []);
});

test("ARCHITECTURE.md's code map names only what exists, and every folder of server/src", () => {
  const architecture = readFileSync(join(ROOT, 'ARCHITECTURE.md'), 'utf8');
  const map = /## Code map\n+```\n([\s\S]*?)```/.exec(architecture)?.[1];
  assert.ok(map, 'ARCHITECTURE.md has a code map in a code block');
  const missing: string[] = [];
  const named = new Set<string>();
  let parents: string[] = [];
  /** The file and folder names at the start of a map line: `a.ts, b/` or `a.ts / b.ts` or `a.ts + b.ts`. */
  const namesOf = (entry: string) =>
    entry
      .split(/,\s*|\s+[/+]\s+/)
      .map((name) => name.trim())
      .filter((name) => /^[\w.*-]+(\/[\w.*-]+)*\/?$/.test(name) && /[./]/.test(name));
  for (const line of map.split('\n')) {
    const top = /^(\S.*?)(?:\s{2,}|$)/.exec(line)?.[1];
    const nested = /^ {2}(\S.*?)(?:\s{2,}|$)/.exec(line)?.[1];
    if (top) {
      parents = namesOf(top);
      for (const name of parents) named.add(name.replace(/\/$/, ''));
      for (const name of parents) if (!existsSync(join(ROOT, name))) missing.push(name);
    } else if (nested && parents.length === 1) {
      for (const name of namesOf(nested)) {
        const path = join(ROOT, parents[0]!, name.includes('*') ? dirname(name) : name);
        named.add(relative(ROOT, path));
        if (!existsSync(path)) missing.push(`${parents[0]}${name}`);
      }
    }
  }
  assert.deepEqual(missing, []);
  const folders = readdirSync(join(ROOT, 'server', 'src'), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => `server/src/${e.name}`);
  assert.deepEqual(
    folders.filter((folder) => !named.has(folder)),
    [],
    'every folder of server/src is in the code map',
  );
});
