import { defineRule, type QuickFix } from '../types';

interface AppIdCaseData {
  /** The uppercased app ID. */
  uppercase: string;
  /** Whether the finding's span is the ID alone, so replacing it is safe. */
  exact: boolean;
}

const SITE_LABEL = {
  conversationApi: 'conversationApi',
  outbound: 'the outbound Authentication ID',
  address: 'the queue address',
} as const;

export default defineRule<AppIdCaseData>({
  name: 'app-id-case',
  severity: 'error',
  summary: 'An app ID has lowercase letters; SC must use the capitals Sinch generates.',
  check(doc) {
    return doc.model.appIdReferences
      .filter((ref) => ref.id !== ref.id.toUpperCase())
      .map((ref) => ({
        span: ref.span,
        message:
          `App ID \`${ref.id}\` in ${SITE_LABEL[ref.site]} has lowercase letters. ` +
          `Enter it in capitals, exactly as Sinch shows it (Conversation API > Apps): \`${ref.id.toUpperCase()}\`.`,
        data: { uppercase: ref.id.toUpperCase(), exact: ref.exact },
      }));
  },
  fixes(finding, doc) {
    if (!finding.data?.exact) return [];
    const fixes: QuickFix[] = [
      {
        title: `Uppercase app ID to ${finding.data.uppercase}`,
        edits: [{ span: finding.span, newText: finding.data.uppercase }],
        preferred: true,
        fixAll: true,
      },
    ];
    const all = doc.model.appIdReferences.filter((ref) => ref.exact && ref.id !== ref.id.toUpperCase());
    if (all.length > 1) {
      fixes.push({
        title: 'Uppercase all app IDs in this file',
        edits: all.map((ref) => ({ span: ref.span, newText: ref.id.toUpperCase() })),
      });
    }
    return fixes;
  },
});
