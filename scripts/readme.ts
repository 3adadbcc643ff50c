import { keyTableMarkdown } from '../server/src/schema/keyTable';

const START = '<!-- generated:keys:start (scripts/update-readme.ts) -->';
const END = '<!-- generated:keys:end -->';

/** README.md with its generated key table brought up to date. */
export function renderReadme(readme: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error('README.md lacks the generated key-table markers');
  return `${readme.slice(0, start + START.length)}\n${keyTableMarkdown()}\n${readme.slice(end)}`;
}
