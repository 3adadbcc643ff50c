import { LANDSCAPE_NAMES, type Landscape } from '../../schema/domain';
import { subSpan } from '../../model/build';
import { replaceValueEdit } from '../edits/replaceValue';
import { defineRule } from '../types';
import { isOneOf } from '../../util/oneOf';
import { readText } from '../support/fieldText';
import { shown } from '../support/labels';

interface UnknownLandscapeData {
  /** The landscape the written value stands for, when the mapping of docs/rules/unknown-landscape.md names one. */
  landscape?: Landscape;
}

/** The landscape a common misspelling stands for (docs/sources.md#landscapes: `us-*`, `na`, `usa` → na-w2; …). */
export function mapLandscape(written: string): Landscape | undefined {
  let value = written.trim().toLowerCase();
  // A pasted login host or URL: keep the landscape part.
  const host = /login-([a-z0-9-]+)\.cc\.sinch\.com/.exec(value);
  if (host) value = host[1]!;
  if (isOneOf(LANDSCAPE_NAMES, value)) return value;
  if (value === 'na' || value === 'us' || value === 'usa' || value.startsWith('us-') || value.startsWith('na-'))
    return 'na-w2';
  if (value.startsWith('eu') || value === 'de') return 'eu-c1';
  if (value.startsWith('au') || value.startsWith('ap-')) return 'au-s2';
  if (value.startsWith('af') || value === 'za') return 'af-s1';
  return undefined;
}

/** The city of each landscape's data centre, for messages. */
const CITY: Record<Landscape, string> = {
  'eu-c1': 'Frankfurt',
  'na-w2': 'Oregon, US',
  'au-s2': 'Sydney',
  'af-s1': 'Cape Town',
};
const KNOWN = LANDSCAPE_NAMES.map((name) => `\`${name}\` (${CITY[name]})`).join(', ');

export default defineRule<UnknownLandscapeData>({
  name: 'unknown-landscape',
  severity: 'error',
  summary: "The tenant's landscape is not one of `eu-c1`, `na-w2`, `au-s2`, `af-s1`.",
  check(doc) {
    const field = doc.model.tenant?.landscape;
    if (!field) return []; // a missing landscape is missing-key's
    const where = 'Look at your Contact Pro login URL: https://login-{landscape}.cc.sinch.com/{tenant}.';
    const { text, notText } = readText(field, 'a landscape name');
    if (notText) {
      return [
        {
          span: notText.span,
          message: `\`tenant.landscape\` ${notText.problem}. Contact Pro runs on ${KNOWN}. ${where}`,
          data: {},
        },
      ];
    }
    if (isOneOf(LANDSCAPE_NAMES, text)) return [];
    const landscape = mapLandscape(text);
    const hint = !landscape
      ? ''
      : landscape === text.trim().toLowerCase()
        ? ` Landscape names are lowercase: \`${landscape}\`.`
        : landscape === 'na-w2' && /^(us|na)/i.test(text.trim())
          ? " Contact Pro's US landscape is `na-w2` (login-na-w2.cc.sinch.com); there is no `us-*` landscape."
          : ` Did you mean \`${landscape}\` (${CITY[landscape]})?`;
    return [
      {
        span: subSpan(field, 0, text.length),
        message: `\`${shown(text)}\` is not a Contact Pro landscape. Contact Pro runs on ${KNOWN}.${hint} ${where}`,
        data: { landscape },
      },
    ];
  },
  fixes(finding, doc) {
    const field = doc.model.tenant?.landscape;
    const landscape = finding.data?.landscape;
    if (!field || !landscape) return [];
    const edit = replaceValueEdit(doc, field, landscape);
    if (!edit) return [];
    return [{ title: `Set landscape to \`${landscape}\``, edits: [edit], preferred: true, fixAll: true }];
  },
});
