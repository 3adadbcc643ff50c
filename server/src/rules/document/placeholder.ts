// A value still holds a placeholder (model/placeholders.ts): the help page's `[App ID]`, `[tenantname]`,
// `[project ID]`…, or the New Configuration File template's stand-ins. One finding per placeholder, on the
// placeholder alone; every other rule is silent there (registry.ts), so the admin sees one thing to fill in.
import type { ParsedDocument } from '../../parse/parsedDocument';
import type { Placeholder, PlaceholderKind } from '../../model/placeholders';
import { LANDSCAPE_NAMES, TENANT_NAME_PATTERN, UUID_PATTERN } from '../../schema/domain';
import { defineRule, type Finding } from '../types';
import { isOneOf } from '../../util/oneOf';
import { agreedAppRegion } from '../support/regions';
import { declaredProjectId } from '../support/projectId';
import { shown } from '../support/labels';

interface PlaceholderData {
  kind: PlaceholderKind;
  /** The value the file itself gives for it (the tenant's name, the declared project ID, the apps' region). */
  value?: string;
}

/** What to write instead (the first line), and where to find it (the line after). */
const WHAT: Record<PlaceholderKind, { write: string; where?: string }> = {
  tenant: {
    write: 'write your Contact Pro tenant name',
    where: 'It is in your login URL: https://login-{landscape}.cc.sinch.com/{tenant}',
  },
  landscape: {
    write: 'write your Contact Pro landscape',
    where: `One of ${LANDSCAPE_NAMES.join(', ')}: the login-… part of your login URL`,
  },
  region: { write: 'write the region of its apps, `eu` or `us`', where: 'Sinch dashboard: Conversation API > Apps' },
  project: { write: 'write your project ID', where: 'Sinch dashboard: Conversation API > Apps, Project ID' },
  app: { write: "write the app's ID, in capitals", where: 'Sinch dashboard: Conversation API > Apps' },
  key: { write: "write your access key's Key ID", where: 'Sinch dashboard: Settings > Access keys' },
  other: { write: 'write the real value' },
};

export default defineRule<PlaceholderData>({
  name: 'placeholder',
  severity: 'error',
  summary:
    "A value still holds a placeholder: the help page's `[App ID]`, `[Key ID]`, `[tenantname]`, `[project ID]`…, or the template's all-zero IDs.",
  check(doc) {
    return doc.model.placeholders.map((p): Finding<PlaceholderData> => {
      const value = knownValue(doc, p);
      const what = p.dummy
        ? `\`${shown(p.text)}\` is the template's stand-in`
        : /[[\]{}<>]/.test(p.text)
          ? `\`${shown(p.text)}\` is left from the help page`
          : `\`${shown(p.text)}\` is a placeholder, not a real ${noun(p.kind)}`;
      const { write, where } = WHAT[p.kind];
      const details = [
        p.dummy ? 'The New Configuration File template wrote it.' : '',
        where ? `${where}.` : '',
        value ? `From this file: \`${value}\`.` : '',
      ]
        .filter(Boolean)
        .join(' ');
      return {
        span: p.span,
        message: `${what}: ${write}.` + (details ? `\n${details}` : ''),
        data: { kind: p.kind, value },
      };
    });
  },
  fixes(finding, doc) {
    const p = doc.model.placeholders.find(
      (x) => x.span.start === finding.span.start && x.span.end === finding.span.end,
    );
    const value = p && knownValue(doc, p);
    if (!p?.exact || !value || value !== finding.data?.value) return [];
    return [
      {
        title: `Replace \`${shown(p.text)}\` with \`${value}\``,
        edits: [{ span: p.span, newText: value }],
        preferred: true,
        // The tenant's own name in its URL, the declared project ID in the service URL: certain.
        fixAll: true,
      },
    ];
  },
});

function noun(kind: PlaceholderKind): string {
  switch (kind) {
    case 'project':
      return 'project ID';
    case 'app':
      return 'app ID';
    case 'key':
      return 'Key ID';
    case 'tenant':
      return 'tenant name';
    default:
      return 'value';
  }
}

/** The value the file determines for a placeholder inside a URL, when it does. Never a secret. */
function knownValue(doc: ParsedDocument, p: Placeholder): string | undefined {
  const inUrl = p.key === 'serviceConnection' || p.key === 'targetUrl' || p.key === 'target';
  if (!inUrl) return undefined;
  if (p.kind === 'tenant') {
    const name = doc.model.tenant?.name?.text?.trim();
    const isPlaceholder = doc.model.placeholders.some((x) => x.field === doc.model.tenant?.name);
    return name && TENANT_NAME_PATTERN.test(name) && !isPlaceholder ? name : undefined;
  }
  if (p.kind === 'project' && p.key === 'serviceConnection') {
    const declared = declaredProjectId(doc);
    const isPlaceholder = doc.model.placeholders.some((x) => x.field === doc.model.conversationApi?.projectId);
    return declared && UUID_PATTERN.test(declared) && !isPlaceholder ? declared : undefined;
  }
  // Only where the host goes on (`https://[landscape either eu or us].conversation…`): when the page's dropped
  // middle is missing too, service-connection-format rebuilds the whole URL instead.
  if (p.kind === 'region' && p.key === 'serviceConnection' && doc.text.charAt(p.span.end) === '.') {
    const service = doc.model.services.find((s) => s.serviceConnection === p.field);
    return service ? agreedAppRegion(doc, service) : undefined;
  }
  if (p.kind === 'landscape' && p.key !== 'serviceConnection') {
    const landscape = doc.model.tenant?.landscape?.text?.trim();
    return landscape && isOneOf(LANDSCAPE_NAMES, landscape) ? landscape : undefined;
  }
  return undefined;
}
