// Rewrites the generated parts of tracked files (see generated.ts): `npm run generate`. Prints what changed.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GENERATED_FILES } from './generated';

const root = join(__dirname, '..');
for (const { path, render } of GENERATED_FILES) {
  const file = join(root, path);
  const text = readFileSync(file, 'utf8');
  const next = render(text);
  if (next !== text) {
    writeFileSync(file, next);
    console.log(`updated ${path}`);
  }
}
