// Prints the diagnostics of a file, one per line with the text they cover, to help write and review fixtures:
//   node --import tsx test/helpers/show.ts FILE [RULE]
import { readFileSync } from 'node:fs';
import { brief, lintText } from './lint';

const [file, only] = process.argv.slice(2);
const text = readFileSync(file!, 'utf8');
const lines = text.split('\n');
for (const d of lintText(text)) {
  const b = brief(d);
  if (only && b.code !== only) continue;
  const [sl, sc, el, ec] = b.range;
  const covered = sl === el ? lines[sl]!.slice(sc, ec) : `${lines[sl]!.slice(sc)}⏎…`;
  console.log(JSON.stringify({ severity: b.severity, range: b.range }), b.code, `«${covered}»`, '—', d.message);
}
