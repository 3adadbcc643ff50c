// Hostile input for the Sinch connection: the import and the live check on cut, spliced and re-indented
// versions of real files. The import either refuses with a reason (ImportError) or writes a file without any
// secret value; the live check never throws and keeps every finding inside the document.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseText } from '../../server/src/parse/parsedDocument';
import { importProject, ImportError } from '../../server/src/sinch/import/mergeImport';
import { liveCheck } from '../../server/src/sinch/live/liveCheck';
import type { ProjectSnapshot } from '../../server/src/sinch/api';
import { cleanProject, KEY_ID, SECRET_MARKERS } from '../sinch/fixtures';

const DIR = join(__dirname, '..', 'fixtures', 'sinch');
const SEEDS = ['import-handwritten.sinchcp.yaml', 'import-no-api.sinchcp.yaml', 'import-empty.golden.yaml'].map((f) =>
  readFileSync(join(DIR, f), 'utf8'),
);
const project = cleanProject();
const SNAPSHOT: ProjectSnapshot = {
  projectId: project.projectId,
  apps: project.apps.map((a) => ({ region: a.region, app: a.app, webhooks: a.webhooks ?? [] })),
};

const mutated = fc
  .tuple(
    fc.nat({ max: SEEDS.length - 1 }),
    fc.array(
      fc.tuple(
        fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
        fc.nat({ max: 80 }),
        fc.constantFrom(
          '',
          ' ',
          '  ',
          '-',
          '- ',
          ':',
          '[',
          '{',
          '}',
          ']',
          '#',
          '\n',
          '\t',
          '"',
          "'",
          '&a ',
          '*a',
          '${env:',
          'apps:',
          'webhooks:\n',
        ),
      ),
      { minLength: 1, maxLength: 8 },
    ),
  )
  .map(([seed, edits]) =>
    edits.reduce((text, [at, length, insert]) => {
      const start = Math.floor(at * text.length);
      return text.slice(0, start) + insert + text.slice(Math.min(text.length, start + length));
    }, SEEDS[seed]!),
  );

test('import and live check survive mangled files', () => {
  fc.assert(
    fc.property(mutated, (text) => {
      let output: string | undefined;
      try {
        output = importProject(text, SNAPSHOT, { keyId: KEY_ID }).text;
      } catch (error) {
        if (!(error instanceof ImportError)) throw error;
      }
      if (output !== undefined) for (const secret of SECRET_MARKERS) assert.ok(!output.includes(secret));
      const doc = parseText(text);
      for (const finding of liveCheck(doc, SNAPSHOT, {})) {
        assert.ok(
          finding.span.start >= 0 && finding.span.start <= finding.span.end && finding.span.end <= text.length,
          'inside the document',
        );
      }
    }),
    { numRuns: 300 },
  );
});
