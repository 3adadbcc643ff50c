import { defineRule, type Finding } from '../types';
import { describeApp } from '../support/labels';
import { replaceValue } from '../edits/replaceValue';

interface ProcessingModeData {
  mode: string;
}

export default defineRule<ProcessingModeData>({
  name: 'processing-mode',
  // An earlier rule list said warning; the sources contradict each other on the mode Contact Pro needs
  // (docs/sources.md#processing-mode:
  // the help page says Dispatch, a newer version of it and the overview say Conversation), so the facts' own
  // recommendation holds: an information that cites the conflict, never a warning on a setup that may be right.
  severity: 'info',
  summary:
    "An app's processingMode is CONVERSATION (I; the Contact Pro setup procedure asks for DISPATCH, sources differ), or not stated (W).",
  check(doc) {
    const findings: Finding<ProcessingModeData>[] = [];
    for (const app of doc.model.conversationApi?.apps ?? []) {
      const field = app.processingMode;
      if (!app.keys.has('processingMode')) {
        // Not stated: the mode decides how Contact Pro's messages are stored, the sources disagree on the one it
        // needs, and the default changed in 2025 (DISPATCH for apps created since 2025-04-16): worth writing down.
        findings.push({
          span: app.appId?.keySpan ?? app.keys.values().next().value ?? { start: app.span.start, end: app.span.start },
          severity: 'warning',
          message:
            `App ${describeApp(app)} does not state its \`processingMode\`. Apps created since 2025-04-16 default to DISPATCH, ` +
            "older ones to CONVERSATION, and Contact Pro's pages differ on the mode it needs: write the app's mode, as shown in " +
            'the Sinch dashboard (Conversation API > Apps > [the app] > Processing mode), so the setup can be checked.',
          data: { mode: '' },
        });
        continue;
      }
      // Only the other valid mode: anything else is invalid-value's.
      if (field?.text !== 'CONVERSATION') continue;
      findings.push({
        span: field.span,
        message:
          `App ${describeApp(app)} is in CONVERSATION processing mode. The Contact Pro setup procedure asks for ` +
          'Dispatch mode (`DISPATCH`); newer Contact Pro pages mention Conversation mode instead, so check what your ' +
          'Contact Pro version documents. The mode is chosen when the app is created ' +
          '(Sinch dashboard: Conversation API > Apps > [the app] > Processing mode).',
        data: { mode: field.text },
      });
    }
    return findings;
  },
  fixes(finding, doc) {
    if (!finding.data?.mode) return [];
    const app = (doc.model.conversationApi?.apps ?? []).find(
      (a) => a.processingMode?.span.start === finding.span.start,
    );
    if (!app?.processingMode) return [];
    // Sources disagree on the mode (docs/sources.md#processing-mode): offered, never preferred or applied by fix-all.
    return [{ title: 'Set DISPATCH', edits: replaceValue(doc, app.processingMode, 'DISPATCH') }];
  },
});
