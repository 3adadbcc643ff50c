// The rule layer's import discipline, read from the sources: no rule file imports another rule's file, and what
// several groups of rules share lives in rules/support/ (or edits/, the model, the parser), never in one group's
// folder for another group to reach into. A rule file is a file that registers a rule (`export default defineRule(…)`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { allRules } from '../../server/src/rules/registry';

const RULES_DIR = resolve(__dirname, '..', '..', 'server', 'src', 'rules');
/** Folders every part of the rule layer may import from. */
const SHARED_FOLDERS = new Set(['support', 'edits']);
/** Files directly in rules/ that every part of the rule layer may import. */
const SHARED_FILES = new Set(['types.ts', 'messageStyle.ts']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** The files a source imports (static imports and re-exports) that are inside the repository, resolved to paths. */
function localImports(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, false);
  return importedFiles
    .map((imported) => imported.fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => {
      const base = resolve(dirname(file), name);
      const candidates = [`${base}.ts`, join(base, 'index.ts'), base];
      const found = candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
      assert.ok(found, `${relative(RULES_DIR, file)} imports ${name}, which resolves to no file`);
      return found;
    });
}

const isRuleFile = (file: string) => /^export default defineRule\b/m.test(readFileSync(file, 'utf8'));
/** The first folder under rules/ a file is in (`services`, `support`), or '' for a file directly in rules/. */
const folderOf = (file: string) => {
  const parts = relative(RULES_DIR, file).split(sep);
  return parts.length > 1 ? parts[0]! : '';
};

const files = sourceFiles(RULES_DIR);
const ruleFiles = new Set(files.filter(isRuleFile));
/** The group indexes and the registry list the rules: they alone import rule files. */
const isRuleList = (file: string) =>
  relative(RULES_DIR, file) === 'registry.ts' || (file.endsWith(`${sep}index.ts`) && folderOf(file) !== '');

test('every registered rule has a rule file, found by its defineRule call', () => {
  // The rule files found must be as many as the rules registered, so the checks below cannot pass on none.
  assert.equal(ruleFiles.size, allRules.length);
  for (const rule of allRules) {
    assert.ok(
      [...ruleFiles].some((file) => file.endsWith(`${sep}${rule.name}.ts`)),
      `no file ${rule.name}.ts registers a rule`,
    );
  }
});

test('no file of the rule layer imports a rule file, except the rule lists', () => {
  const offending = files
    .filter((file) => !isRuleList(file))
    .flatMap((file) =>
      localImports(file)
        .filter((target) => ruleFiles.has(target))
        .map((target) => `${relative(RULES_DIR, file)} imports ${relative(RULES_DIR, target)}`),
    );
  assert.deepEqual(offending, []);
});

test("what several groups share lives in support/ or edits/: no group imports from another group's folder", () => {
  const offending = files
    .filter((file) => relative(RULES_DIR, file) !== 'registry.ts')
    .flatMap((file) => {
      const own = folderOf(file);
      return localImports(file)
        .filter((target) => target.startsWith(RULES_DIR + sep))
        .filter((target) => {
          const folder = folderOf(target);
          if (folder === '') return !SHARED_FILES.has(relative(RULES_DIR, target));
          return folder !== own && !SHARED_FOLDERS.has(folder);
        })
        .map((target) => `${relative(RULES_DIR, file)} imports ${relative(RULES_DIR, target)}`);
    });
  assert.deepEqual(offending, []);
});

test('support/ and edits/ import nothing from a group of rules', () => {
  const offending = files
    .filter((file) => SHARED_FOLDERS.has(folderOf(file)))
    .flatMap((file) =>
      localImports(file)
        .filter((target) => target.startsWith(RULES_DIR + sep))
        .filter((target) => {
          const folder = folderOf(target);
          return folder !== '' && !SHARED_FOLDERS.has(folder);
        })
        .map((target) => `${relative(RULES_DIR, file)} imports ${relative(RULES_DIR, target)}`),
    );
  assert.deepEqual(offending, []);
});
