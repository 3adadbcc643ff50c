// Golden files with an update mode: `UPDATE_SNAPSHOTS=1` (for `npm run test:node` or one test file) rewrites a
// golden file with what the code produces now, after a deliberate change; review the diff before committing.
// Without it, a missing or different golden file fails the test.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';

export const UPDATING_SNAPSHOTS = process.env.UPDATE_SNAPSHOTS === '1';

export function assertSnapshot(path: string, actual: string): void {
  const name = relative(process.cwd(), path);
  if (UPDATING_SNAPSHOTS) {
    if (!existsSync(path) || readFileSync(path, 'utf8') !== actual) writeFileSync(path, actual);
    return;
  }
  assert.ok(existsSync(path), `no golden file ${name} (UPDATE_SNAPSHOTS=1 writes it)`);
  assert.equal(
    actual,
    readFileSync(path, 'utf8'),
    `${name} differs (UPDATE_SNAPSHOTS=1 rewrites it after a deliberate change)`,
  );
}
