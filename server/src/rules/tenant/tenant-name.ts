import { shown } from '../services/shared';
import { valueSpan } from '../edits/replaceValue';
import { TENANT_NAME_PATTERN } from '../../schema/domain';
import { subSpan } from '../../model/build';
import { defineRule } from '../types';

/** Words that stand for the tenant in the help pages, once brackets and separators are dropped. */
const PLACEHOLDER_WORDS = new Set(['tenantname', 'yourtenant', 'yourtenantname', 'tenantid']);

export default defineRule({
  name: 'tenant-name',
  severity: 'error',
  summary: 'The tenant name has characters outside `A-Z a-z 0-9 _ -`, or is a placeholder like `[tenantname]`.',
  check(doc) {
    const field = doc.model.tenant?.name;
    if (!field) return []; // a missing name is missing-key's
    const where = 'Copy it from your Contact Pro login URL: https://login-{landscape}.cc.sinch.com/{tenant}.';
    const text = field.text;
    if (text === undefined) {
      const message = field.node === null || field.span.start === field.span.end
        ? `\`tenant.name\` has no value. ${where}`
        : `\`tenant.name\` should be the tenant's name as text, not a list or a mapping. ${where}`;
      return [{ span: valueSpan(field), message }];
    }
    const span = subSpan(field, 0, text.length);
    const bare = text.replace(/[\s[\]{}<>_-]/g, '').toLowerCase();
    if (/[[\]{}<>]/.test(text) || PLACEHOLDER_WORDS.has(bare)) {
      return [{ span, message: `Tenant name \`${shown(text)}\` looks like a placeholder left from the help page. Write your tenant's name instead. ${where}` }];
    }
    if (!TENANT_NAME_PATTERN.test(text)) {
      const bad = [...new Set(text.replace(/[A-Za-z0-9_-]/g, ''))].map(describeChar).join(', ');
      return [{
        span,
        message: `Tenant name \`${shown(text)}\` contains ${bad}: a tenant name has only letters, digits, \`_\` and \`-\`. ${where}`,
      }];
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
