// Regenerates the generated parts of README.md (the key table) from the schema:
//   node --import tsx scripts/update-readme.ts
// test/unit/readme.test.ts fails when README.md is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderReadme } from './readme';

const file = join(__dirname, '..', 'README.md');
writeFileSync(file, renderReadme(readFileSync(file, 'utf8')));
