// The safe config-file readers the CLI (sync) and the server's workspace scan (async) share: only regular
// files, never blocking on a FIFO, never more than the limit, counted while reading.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  isConfigFile,
  isConfigFileAsync,
  MAX_CONFIG_FILE_BYTES,
  readConfigText,
  readConfigTextSync,
  searchConfigFiles,
  searchConfigFilesAsync,
  type ConfigReadResult,
} from '../../server/src/service/configFiles';
import { ROOT, tempDir } from './runCli';

const readers: [string, (path: string, limit?: number) => ConfigReadResult | Promise<ConfigReadResult>][] = [
  ['readConfigTextSync', readConfigTextSync],
  ['readConfigText', readConfigText],
];

test('the limit is 2 MiB', () => {
  assert.equal(MAX_CONFIG_FILE_BYTES, 2 * 1024 * 1024);
});

for (const [name, read] of readers) {
  test(`${name}: a regular file up to the limit is read as UTF-8; one byte more is too large`, async () => {
    const dir = tempDir();
    const file = join(dir, 'a.sinchcp.yaml');
    writeFileSync(file, 'tenant: é\n'); // 11 bytes
    assert.deepEqual(await read(file), { ok: true, text: 'tenant: é\n' });
    assert.deepEqual(await read(file, 11), { ok: true, text: 'tenant: é\n' });
    assert.deepEqual(await read(file, 10), {
      ok: false,
      reason: 'too-large',
      detail: 'larger than 10 bytes, the most sinchcp reads',
    });
  });

  test(`${name}: the limit holds while reading, whatever the size stat reports`, async () => {
    // /proc files are regular files whose stat size is 0, and whose content is produced as they are read.
    const result = await read('/proc/self/status', 16);
    assert.deepEqual(result, {
      ok: false,
      reason: 'too-large',
      detail: 'larger than 16 bytes, the most sinchcp reads',
    });
  });

  test(
    `${name}: a FIFO, a device (also through a symlink), a folder are not files; a missing one is unreadable`,
    { timeout: 20_000 },
    async () => {
      const dir = tempDir();
      execFileSync('mkfifo', [join(dir, 'x.sinchcp.yaml')]);
      symlinkSync('/dev/zero', join(dir, 'y.sinchcp.yaml'));
      mkdirSync(join(dir, 'z.sinchcp.yaml'));
      assert.deepEqual(await read(join(dir, 'x.sinchcp.yaml')), {
        ok: false,
        reason: 'not-a-file',
        detail: 'not a regular file (a named pipe)',
      });
      assert.deepEqual(await read(join(dir, 'y.sinchcp.yaml')), {
        ok: false,
        reason: 'not-a-file',
        detail: 'not a regular file (a device)',
      });
      assert.deepEqual(await read(join(dir, 'z.sinchcp.yaml')), {
        ok: false,
        reason: 'not-a-file',
        detail: 'not a regular file (a folder)',
      });
      assert.deepEqual(await read(join(dir, 'none.sinchcp.yaml')), {
        ok: false,
        reason: 'unreadable',
        detail: 'ENOENT',
      });
    },
  );
}

test('isConfigFile does not block on a FIFO named like YAML (it peeks at the first line of .yaml files)', () => {
  const dir = tempDir();
  const fifo = join(dir, 'marked.yaml');
  execFileSync('mkfifo', [fifo]);
  // In a child process: a blocked synchronous open cannot be interrupted from inside.
  const probe = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '-e',
      `const { isConfigFile } = require(${JSON.stringify(join(ROOT, 'server/src/service/configFiles.ts'))});
     process.stdout.write(String(isConfigFile(${JSON.stringify(fifo)})));`,
    ],
    { cwd: ROOT, encoding: 'utf8', timeout: 20_000 },
  );
  assert.equal(probe.status, 0, `status ${probe.status} (null: it hung); ${probe.stderr}`);
  assert.equal(probe.stdout, 'false');
  const marked = join(dir, 'real.yaml');
  writeFileSync(marked, '# sinchcp: tenant acme\nversion: 1\n');
  assert.equal(isConfigFile(marked), true);
});

test(
  'isConfigFile (and its async twin): a FIFO or device is not a config file, whatever its name',
  { timeout: 20_000 },
  async () => {
    // The server asks isConfigFile before reading a watched file: a "yes" for a FIFO led to a read that blocked.
    const dir = tempDir();
    execFileSync('mkfifo', [join(dir, 'x.sinchcp.yaml')]);
    symlinkSync('/dev/zero', join(dir, 'y.sinchcp.yaml'));
    writeFileSync(join(dir, 'z.sinchcp.yaml'), 'version: 1\n');
    symlinkSync(join(dir, 'z.sinchcp.yaml'), join(dir, 'link.sinchcp.yaml'));
    const expected = {
      'x.sinchcp.yaml': false,
      'y.sinchcp.yaml': false,
      'z.sinchcp.yaml': true,
      'link.sinchcp.yaml': true,
      'missing.sinchcp.yaml': false,
    };
    for (const [name, isConfig] of Object.entries(expected)) {
      assert.equal(isConfigFile(join(dir, name)), isConfig, name);
      assert.equal(await isConfigFileAsync(join(dir, name)), isConfig, `${name} (async)`);
    }
  },
);

test(
  'searchConfigFiles (and its async twin) follow symlinks to files and folders, once per real folder, and list only regular files',
  { timeout: 20_000 },
  async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'real', 'deeper'), { recursive: true });
    writeFileSync(join(dir, 'real', 'deeper', 'a.sinchcp.yaml'), 'version: 1\n');
    symlinkSync(join(dir, 'real'), join(dir, 'again')); // the same folder under a second name
    symlinkSync(dir, join(dir, 'real', 'deeper', 'up')); // a loop
    symlinkSync(join(dir, 'real', 'deeper', 'a.sinchcp.yaml'), join(dir, 'b.sinchcp.yaml'));
    execFileSync('mkfifo', [join(dir, 'c.sinchcp.yaml')]);
    execFileSync('mkfifo', [join(dir, 'd.yaml')]); // peeked at for a first-line marker: must not block
    writeFileSync(join(dir, 'e.yaml'), '# sinchcp\nversion: 1\n');
    const result = searchConfigFiles(dir);
    assert.deepEqual(await searchConfigFilesAsync(dir), result);
    assert.equal(await isConfigFileAsync(join(dir, 'd.yaml')), false);
    assert.equal(await isConfigFileAsync(join(dir, 'e.yaml')), true);
    assert.deepEqual(result, {
      // "again" sorts first, so the real folder is reached through it and not a second time as "real".
      files: [join(dir, 'again', 'deeper', 'a.sinchcp.yaml'), join(dir, 'b.sinchcp.yaml'), join(dir, 'e.yaml')],
      problems: [],
    });
  },
);

test('searchConfigFiles (and its async twin) report a root it cannot list', async () => {
  const missing = join(tempDir(), 'missing');
  const result = searchConfigFiles(missing);
  assert.deepEqual(result, { files: [], problems: [{ path: missing, detail: 'ENOENT' }] });
  assert.deepEqual(await searchConfigFilesAsync(missing), result);
});

test('searchConfigFilesAsync stops when asked', async () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'sub', 'a.sinchcp.yaml'), 'version: 1\n');
  let asked = 0;
  const result = await searchConfigFilesAsync(dir, { shouldStop: () => ++asked > 1 });
  assert.deepEqual(result.files, [], 'stopped before entering sub/');
  assert.equal(asked, 2);
});
