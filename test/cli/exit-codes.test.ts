// The exit code is exactly what the README says, whatever the input: 2 when an input could not be checked (and
// then each is named on standard error), else 1 when there is an error or more warnings than --max-warnings,
// else 0. Checked on hostile and odd inputs, whatever findings the rules give them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCli, tempDir, VALID } from './runCli';

const NOT_CHECKED = /^sinchcp-lint: (cannot read|not checked|could not check|cannot write) /m;

const INPUTS: Record<string, string | Buffer> = {
  empty: '',
  'only comments': '# sinchcp\n# nothing else\n',
  'a bare scalar': 'hello\n',
  'a list': '- a\n- b\n',
  'binary bytes': Buffer.from([0, 1, 2, 0xff, 0xfe, 0x80, 10, 0x1b, 0x5b, 0x33, 0x31, 0x6d]),
  'broken YAML': 'version: 1\ntenant: [acme\n',
  'a UTF-8 BOM and CRLF': `\ufeff${readFileSync(VALID, 'utf8').replace(/\n/g, '\r\n')}`,
  'the valid example': readFileSync(VALID, 'utf8'),
  'the parser stack overflow': readFileSync(
    join(ROOT, 'test', 'fixtures', 'cli', 'parser-stack-overflow.sinchcp.yaml'),
    'utf8',
  ),
};

type JsonReport = { file: string; diagnostics: { severity: string }[] }[];

for (const [name, content] of Object.entries(INPUTS)) {
  test(`exit code as documented: ${name}`, () => {
    const file = join(tempDir(), 'input.sinchcp.yaml');
    writeFileSync(file, content);
    for (const maxWarnings of [undefined, '0']) {
      const args = ['--format', 'json', ...(maxWarnings ? ['--max-warnings', maxWarnings] : []), file];
      const { code, stdout, stderr } = runCli(args);
      assert.doesNotMatch(stderr, /^\s+at /m, 'no stack trace');
      const reports = JSON.parse(stdout) as JsonReport;
      const severities = reports.flatMap((r) => r.diagnostics.map((d) => d.severity));
      const expected = NOT_CHECKED.test(stderr)
        ? 2
        : severities.includes('error') ||
            (maxWarnings !== undefined && severities.filter((s) => s === 'warning').length > Number(maxWarnings))
          ? 1
          : 0;
      assert.equal(code, expected, `${args.join(' ')}: ${stderr}`);
      if (code === 2) assert.equal(reports.length, 0, 'an input not checked has no report');
      else assert.equal(reports.length, 1);
    }
  });
}
