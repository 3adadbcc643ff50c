// The documentation stands on its own and stays true to the code: every rule of the registry has its page in
// docs/rules/ (and no page lacks a rule), each page states the rule's default severity as the registry has it,
// and every Markdown link or `docs/….md#anchor` citation (in the docs, the top-level Markdown files and the
// code) points at a file and a heading that exist. Anchors are computed the way GitHub renders headings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseText } from '../../server/src/parse/parsedDocument';
import { allRules } from '../../server/src/rules/registry';
import { keyTableMarkdown } from '../../server/src/schema/keyTable';

const ROOT = resolve(__dirname, '..', '..');
const DOCS = join(ROOT, 'docs');
const RULE_PAGES = join(DOCS, 'rules');
const TOP_LEVEL_MARKDOWN = ['README.md', 'ARCHITECTURE.md', 'CONTRIBUTING.md'];
/** Folders whose source files may cite docs pages in comments. */
const CODE_FOLDERS = ['server/src', 'client/src', 'test', 'scripts'];
const CODE_EXTENSIONS = /\.(ts|mjs|js|json)$/;
const SKIPPED_FOLDERS = new Set(['node_modules', 'fixtures', 'dist', '.vscode-test', 'workspace']);

// ------------------------------------------------------------------------------------------ Markdown reading

/** The text with fenced code blocks blanked out (line count kept), so examples are not read as links. */
function withoutCodeBlocks(markdown: string): string {
  const lines = markdown.split('\n');
  let fence: string | undefined;
  return lines.map((line) => {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === undefined && marker) {
      fence = marker;
      return '';
    }
    if (fence !== undefined) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = undefined;
      return '';
    }
    return line;
  }).join('\n');
}

/** A heading's anchor as GitHub makes it: the rendered text, lowercased, punctuation dropped, spaces to `-`. */
function githubAnchor(headingText: string): string {
  const rendered = headingText
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // links and images: their text
    .replace(/<[^>]+>/g, '') // inline HTML
    .replace(/`/g, '')
    .replace(/[*~]/g, '');
  return rendered.trim().toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
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
  withoutCodeBlocks(markdown).split('\n').forEach((raw, index) => {
    const line = raw.replace(/`[^`]*`/g, ''); // code spans are not links
    for (const match of line.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) out.push({ target: match[1]!, line: index + 1 });
    const definition = /^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/.exec(line);
    if (definition) out.push({ target: definition[1]!, line: index + 1 });
  });
  return out;
}

/** `docs/….md` or `docs/….md#anchor` written in plain text (comments, prose), relative to the repository root. */
function docsCitations(text: string): { target: string; line: number }[] {
  const out: { target: string; line: number }[] = [];
  text.split('\n').forEach((line, index) => {
    for (const match of line.matchAll(/(?<![\w./-])docs\/[\w./-]*\.md(?:#[\w-]+)?/g)) out.push({ target: match[0], line: index + 1 });
  });
  return out;
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

function markdownFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return markdownFilesUnder(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

function codeFilesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return SKIPPED_FOLDERS.has(entry.name) ? [] : codeFilesUnder(path);
    return CODE_EXTENSIONS.test(entry.name) ? [path] : [];
  });
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
  const markdown = 'See [a](x.md#y) and `[b](not.md)`.\n```\n[c](fenced.md)\n```\n[d]: <ref.md>\n![i](img.png "title")\n';
  assert.deepEqual(linkTargets(markdown).map((l) => l.target), ['x.md#y', 'ref.md', 'img.png']);
  assert.deepEqual(docsCitations('// why: docs/sources.md#regions; not server/docs/x.md').map((c) => c.target), ['docs/sources.md#regions']);
});

test('a link to a missing file or heading is reported, a good one is not', () => {
  const from = join(DOCS, 'rules', 'missing-key.md');
  assert.equal(brokenTarget('../sources.md#regions', from), undefined);
  assert.equal(brokenTarget('../format.md', from), undefined);
  assert.equal(brokenTarget('https://developers.sinch.com/docs/conversation/callbacks', from), undefined);
  assert.match(brokenTarget('../sources.md#no-such-heading', from) ?? '', /has no heading with the anchor #no-such-heading/);
  assert.match(brokenTarget('no-such-rule.md', from) ?? '', /docs\/rules\/no-such-rule\.md does not exist/);
  assert.match(brokenTarget('#nowhere', from) ?? '', /missing-key\.md has no heading/);
  assert.match(brokenTarget('docs/nothing.md#x', ROOT, true) ?? '', /docs\/nothing\.md does not exist/);
});

// ------------------------------------------------------------------------------------------- the rule pages

test('every rule in the registry has a page in docs/rules/, and every page is a rule', () => {
  const pages = readdirSync(RULE_PAGES).filter((name) => name.endsWith('.md')).map((name) => name.slice(0, -'.md'.length));
  assert.deepEqual([...pages].sort(), allRules.map((rule) => rule.name).sort());
});

for (const rule of allRules) {
  test(`${rule.name}: its page follows the template and states the registry's default severity`, () => {
    const page = rulePage(rule.name);
    assert.ok(page.startsWith(`# \`${rule.name}\`\n`), 'the page is headed by the rule name');
    const stated = /^Default severity: \*\*(\w+)\*\*/m.exec(page)?.[1];
    assert.equal(stated, rule.severity, 'the severity in the page header');
    assert.equal(/^Default: \*\*(\w+)\*\*/m.exec(section(page, 'Severity'))?.[1], rule.severity, 'the severity in the Severity section');
    for (const heading of ['What it checks', 'Why', 'Wrong', 'Right', 'Quick fixes', 'Severity']) {
      assert.ok(section(page, heading), `no "## ${heading}" section`);
    }
    assert.match(section(page, 'Wrong'), /```yaml\n[^`]+```/, 'a wrong example');
    assert.match(section(page, 'Right'), /```yaml\n[^`]+```/, 'a right example');
    assert.match(section(page, 'Why'), /\]\(\.\.\/(sources|format)\.md[#)]/, 'the "why" links to its source or to the format');
    for (const how of [`"${rule.name}":`, `--rule ${rule.name}=`, `# sinchcp-disable-next-line ${rule.name}`]) {
      assert.ok(page.includes(how), `the page says how to change the severity: ${how}`);
    }
    const fixes = section(page, 'Quick fixes');
    assert.equal(/\nNone[:.]/.test(fixes), rule.fixes === undefined, rule.fixes ? 'the rule has quick fixes: describe them' : 'the rule has no quick fix: say "None"');
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
  const rows = new Map([...index.matchAll(/^\| \[`([^`]+)`\]\(rules\/\1\.md\) \| (\w+) \|/gm)].map((m) => [m[1]!, m[2]!]));
  for (const rule of allRules) assert.equal(rows.get(rule.name), rule.severity, `docs/README.md: the row of ${rule.name}`);
  assert.equal(rows.size, allRules.length, 'docs/README.md lists only the registry\'s rules');
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

test('every docs/….md#anchor citation in the docs and the code resolves', () => {
  const broken: string[] = [];
  const files = [...documentationFiles(), ...CODE_FOLDERS.flatMap((folder) => codeFilesUnder(join(ROOT, folder)))];
  for (const file of files) {
    if (file === __filename) continue; // this file names broken citations on purpose
    for (const { target, line } of docsCitations(readFileSync(file, 'utf8'))) {
      const why = brokenTarget(target, file, true);
      if (why) broken.push(`${relative(ROOT, file)}:${line}: ${target}: ${why}`);
    }
  }
  assert.deepEqual(broken, []);
});
