import { TENANT_NAME_PATTERN } from '../../schema/domain';
import { subSpan } from '../../model/build';
import { defineRule } from '../types';
import { readText } from '../support/fieldText';
import { shown } from '../support/labels';

/** Words that stand for the tenant in the help pages, once brackets and separators are dropped. */
const PLACEHOLDER_WORDS = new Set(['tenantname', 'yourtenant', 'yourtenantname', 'tenantid']);

export default defineRule({
  name: 'tenant-name',
  severity: 'error',
  summary: 'The tenant name has characters outside `A-Z a-z 0-9 _ -` (E when they cannot stand in a URL, else W).',
  check(doc) {
    const field = doc.model.tenant?.name;
    if (!field) return []; // a missing name is missing-key's
    const where = 'Copy it from your Contact Pro login URL: https://login-{landscape}.cc.sinch.com/{tenant}.';
    const { text, notText } = readText(field, "the tenant's name as text");
    if (notText) return [{ span: notText.span, message: `\`tenant.name\` ${notText.problem}. ${where}` }];
    const span = subSpan(field, 0, text.length);
    const bare = text.replace(/[\s[\]{}<>_-]/g, '').toLowerCase();
    if (/[[\]{}<>]/.test(text) || PLACEHOLDER_WORDS.has(bare)) {
      return [
        {
          span,
          message: `Tenant name \`${shown(text)}\` looks like a placeholder left from the help page. Write your tenant's name instead. ${where}`,
        },
      ];
    }
    if (!TENANT_NAME_PATTERN.test(text)) {
      const bad = [...new Set(text.replace(/[A-Za-z0-9_-]/g, ''))].map(describeChar).join(', ');
      // White space, `/`, `?`, `#` and `%` cannot stand in the URL path segment the name becomes: certainly wrong.
      // Contact Pro publishes no character rules (docs/sources.md#tenant-name), so other characters are a warning.
      if (/[\s/?#%]/.test(text)) {
        return [
          {
            span,
            message: `Tenant name \`${shown(text)}\` contains ${bad}, which cannot stand in the tenant's URL.\nThe URL is https://login-{landscape}.cc.sinch.com/{tenant}. ${where}`,
          },
        ];
      }
      return [
        {
          span,
          severity: 'warning',
          message: `Tenant name \`${shown(text)}\` contains ${bad}. Tenant names usually have only letters, digits, \`_\` and \`-\` (Contact Pro publishes no exact rule): check it. ${where}`,
        },
      ];
    }
    return [];
  },
});

function describeChar(c: string): string {
  if (c === ' ') return 'a space';
  if (c === '\t') return 'a tab';
  if (c === '/') return '`/` (write the name alone, not a URL path)';
  if (c === '.' || c === ':') return `\`${c}\` (write the name alone, not a URL or host)`;
  return `\`${c}\``;
}
