// Where each rule's documentation lives: its page docs/rules/<rule>.md. The pages ship inside the VS Code
// extension (the .vsix holds docs/), so a diagnostic's code links to the page on this machine, readable offline;
// there is no web address to link to. The page is found next to the running code: dist/ in the bundle (the
// server, its analysis worker, the CLI), server/src/service when run from source.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** A rule's page, relative to the package (and the repository) root. */
export function ruleDocPath(rule: string): string {
  return `docs/rules/${rule}.md`;
}

let root: string | null | undefined;

/** The nearest folder at or above this code's folder that holds docs/rules (null when none does). */
function packageRoot(): string | null {
  if (root !== undefined) return root;
  root = null;
  for (let dir = __dirname, depth = 0; depth < 5; dir = dirname(dir), depth++) {
    if (existsSync(join(dir, 'docs', 'rules'))) {
      root = dir;
      break;
    }
  }
  return root;
}

/** The absolute path of a rule's page, if this installation has it. Rule names are `[a-z-]+`: no path tricks. */
export function ruleDocFile(rule: string): string | undefined {
  const base = packageRoot();
  if (!base || !/^[a-z][a-z-]*$/.test(rule)) return undefined;
  const file = join(base, ruleDocPath(rule));
  return existsSync(file) ? file : undefined;
}

/** The `file:` URI of a rule's page (a diagnostic's codeDescription.href), if this installation has it. */
export function ruleDocUrl(rule: string): string | undefined {
  const file = ruleDocFile(rule);
  return file ? pathToFileURL(file).href : undefined;
}

/** The rule whose page a `file:` URI from ruleDocUrl names (the VS Code client opens it as a preview). */
export function ruleOfDocUrl(href: string): string | undefined {
  return /\/docs\/rules\/([a-z][a-z-]*)\.md$/.exec(href)?.[1];
}
