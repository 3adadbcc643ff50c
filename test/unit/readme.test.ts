// The README documents what the server does: every rule has a section whose anchor is the rule name, with its
// default severity as the registry has it. (Its key table is generated: test/unit/generated.test.ts.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRules } from '../../server/src/rules/registry';

const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

test('README opens with the two commands for a fresh machine', () => {
  const block = /```bash\n([\s\S]*?)```/.exec(readme)?.[1]?.trim().split('\n');
  assert.deepEqual(block, ['npm ci && npm run build && node dist/cli.js examples/', 'npm test']);
});

test('every rule has a README section headed by its name, with a wrong and a right example', () => {
  for (const rule of allRules) {
    const heading = `### \`${rule.name}\``;
    const at = readme.indexOf(`\n${heading}\n`);
    assert.ok(at >= 0, `no section ${heading}`);
    const next = readme.indexOf('\n### ', at + heading.length);
    const section = readme.slice(at, next < 0 ? undefined : next);
    assert.match(section, /Wrong/, `${rule.name}: no wrong example`);
    assert.match(section, /Right/, `${rule.name}: no right example`);
  }
});

test("every rule section's documented default severity (its first bold word) is the rule's severity in the code", () => {
  const word = { Error: 'error', Warning: 'warning', Information: 'info' } as const;
  const wrong: string[] = [];
  for (const rule of allRules) {
    const heading = `\n### \`${rule.name}\`\n`;
    const at = readme.indexOf(heading);
    const first = readme
      .slice(at + heading.length)
      .trimStart()
      .split('\n\n')[0]!;
    const documented = /^\*\*(Error|Warning|Information)\b/.exec(first)?.[1] as keyof typeof word | undefined;
    if (!documented || word[documented] !== rule.severity)
      wrong.push(`${rule.name}: README ${documented ?? '(none)'}, code ${rule.severity}`);
  }
  assert.deepEqual(wrong, []);
});
