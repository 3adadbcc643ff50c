// The parts of tracked files that are generated from the code, so that nothing is listed twice by hand:
// - README.md's key table, from the schema's key docs;
// - docs/README.md's rule index, from the rule registry (groups, names, default severities, summaries);
// - package.json's `sinchcp.rules` setting: the rule names it offers, the registry's and the live check's.
// `npm run generate` (scripts/generate.ts) rewrites them; test/unit/generated.test.ts fails when one is stale.
import { ruleGroups, ruleNames } from '../server/src/rules/registry';
import { keyTableMarkdown } from '../server/src/schema/keyTable';
import { LIVE_RULE_NAMES } from '../server/src/sinch/live/liveCheck';

export const GENERATE_COMMAND = 'npm run generate';

/** The text between a start and an end marker replaced by `body`. */
function between(text: string, file: string, start: string, end: string, body: string): string {
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${file} lacks the markers ${start} … ${end}`);
  return `${text.slice(0, from + start.length)}\n${body}\n${text.slice(to)}`;
}

const KEYS_START = `<!-- generated:keys:start (${GENERATE_COMMAND}) -->`;
const KEYS_END = '<!-- generated:keys:end -->';

/** README.md with its generated key table brought up to date. */
export function renderReadme(readme: string): string {
  return between(readme, 'README.md', KEYS_START, KEYS_END, keyTableMarkdown());
}

const RULES_START = `<!-- generated:rules:start (${GENERATE_COMMAND}) -->`;
const RULES_END = '<!-- generated:rules:end -->';

/** The rule index of docs/README.md: one table per group, a row per rule with its page, severity and summary. */
export function ruleIndexMarkdown(): string {
  return ruleGroups
    .map((group) =>
      [
        `### ${group.title}`,
        '',
        '| rule | default | what it catches |',
        '|---|---|---|',
        ...group.rules.map(
          (rule) =>
            `| [\`${rule.name}\`](rules/${rule.name}.md) | ${rule.severity} | ${rule.summary.replace(/\|/g, '\\|')} |`,
        ),
      ].join('\n'),
    )
    .join('\n\n');
}

export function renderRuleIndex(docsReadme: string): string {
  return between(docsReadme, 'docs/README.md', RULES_START, RULES_END, ruleIndexMarkdown());
}

/** The names the `sinchcp.rules` setting offers: every rule of the registry, then the live check's. */
export function settingRuleNames(): string[] {
  return [...ruleNames, ...LIVE_RULE_NAMES];
}

/**
 * package.json with `sinchcp.rules`' `propertyNames.enum` rewritten in place: only that array changes, at its own
 * indentation, so the rest of the file keeps its hand-made layout.
 */
export function renderPackageJson(text: string): string {
  const setting = text.indexOf('"sinchcp.rules": {');
  const names = setting < 0 ? -1 : text.indexOf('"propertyNames": {', setting);
  const open = names < 0 ? -1 : text.indexOf('"enum": [', names);
  const close = open < 0 ? -1 : text.indexOf(']', open);
  if (close < 0)
    throw new Error('package.json lacks contributes.configuration.properties["sinchcp.rules"].propertyNames.enum');
  const lineStart = text.lastIndexOf('\n', open) + 1;
  const indent = text.slice(lineStart, open);
  const items = settingRuleNames()
    .map((name) => `${indent}  ${JSON.stringify(name)}`)
    .join(',\n');
  return `${text.slice(0, open)}"enum": [\n${items}\n${indent}${text.slice(close)}`;
}

/** Every generated file: its path from the repository root and how to bring its text up to date. */
export const GENERATED_FILES: readonly { path: string; render: (text: string) => string }[] = [
  { path: 'README.md', render: renderReadme },
  { path: 'docs/README.md', render: renderRuleIndex },
  { path: 'package.json', render: renderPackageJson },
];
