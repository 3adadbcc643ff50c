import { subSpan } from '../../model/build';
import type { Field } from '../../model/types';
import { parseServiceConnection } from '../../model/urls';
import type { ParsedDocument } from '../../parse/parsedDocument';
import { UUID_PATTERN } from '../../schema/domain';
import { replaceValueEdit } from '../edits/replaceValue';
import { defineRule, type Finding } from '../types';
import { shown, serviceLabel } from '../support/labels';
import { declaredProjectId, isPlaceholder } from '../support/projectId';
import { readText } from '../support/fieldText';
import { DASHBOARD_APPS } from '../support/vocabulary';

interface ProjectIdData {
  /** Where: a service's connection URL (by index) or `conversationApi.projectId`. */
  service?: number;
  /** Offsets of the project ID inside the URL text. */
  from: number;
  to: number;
  /** The replacement, and whether it is certain (fix-all). */
  replacement?: string;
  certain: boolean;
  exact: boolean;
}

const WHERE = `Copy it from the ${DASHBOARD_APPS} (Project ID).`;

export default defineRule<ProjectIdData>({
  name: 'project-id',
  severity: 'error',
  summary: 'The project ID in a Service Connection is not a UUID, or differs from `conversationApi.projectId`.',
  check(doc) {
    const findings: Finding<ProjectIdData>[] = [];
    const declaredField = doc.model.conversationApi?.projectId;
    const declared = declaredProjectId(doc);
    if (declaredField) findings.push(...checkDeclared(declaredField, declared));
    doc.model.services.forEach((service, index) => {
      const field = service.serviceConnection;
      if (!field?.text) return;
      const parts = parseServiceConnection(field.text);
      const project = parts?.projectId;
      // Empty or placeholder segments, and URLs without a `/projects/` part, are service-connection-format's.
      if (
        !parts ||
        !project ||
        project.text === '' ||
        isPlaceholder(project.text) ||
        !/^\/v1\/projects\//.test(parts.path.text)
      )
        return;
      if (!parts.host.text.includes('.')) return;
      const from = project.start;
      const to = from + project.text.length;
      const exact = field.textStart !== undefined;
      const span = subSpan(field, from, to);
      const name = serviceLabel(doc, service);
      if (!UUID_PATTERN.test(project.text)) {
        findings.push({
          span,
          message:
            `The project ID \`${shown(project.text)}\` is not a UUID: copy the project ID from Sinch.\nA project ID looks like \`c36f3d3d-1513-4edd-ae42-11995557ff61\`. It is in the Service Connection of ${name}. ${WHERE}` +
            (declared ? ` This file declares \`${declared}\` in conversationApi.` : ''),
          data: { service: index, from, to, replacement: declared, certain: true, exact },
        });
      } else if (declared && project.text.toLowerCase() !== declared.toLowerCase()) {
        findings.push({
          span,
          message: `This project ID differs from \`conversationApi.projectId\` (\`${declared}\`).\nThe Service Connection of ${name} has \`${shown(project.text)}\`. One of them is wrong; check both against the Sinch dashboard: Conversation API > Apps (Project ID).`,
          data: { service: index, from, to, replacement: declared, certain: false, exact },
        });
      } else if (project.text !== project.text.toLowerCase()) {
        findings.push({
          span,
          severity: 'info',
          message: `The project ID \`${shown(project.text)}\` has capital letters: write it in lowercase.\nIt is in the Service Connection of ${name}. Sinch shows project IDs in lowercase; UUIDs usually match either way, but lowercase is what Sinch documents.`,
          data: { service: index, from, to, replacement: project.text.toLowerCase(), certain: true, exact },
        });
      }
    });
    return findings;
  },
  fixes(finding, doc) {
    const data = finding.data;
    if (!data?.replacement) return [];
    const field =
      data.service === undefined
        ? doc.model.conversationApi?.projectId
        : doc.model.services[data.service]?.serviceConnection;
    if (!field?.text) return [];
    const edit = editFor(doc, field, data);
    if (!edit) return [];
    const title =
      data.replacement === field.text.slice(data.from, data.to).toLowerCase()
        ? `Lowercase the project ID to ${data.replacement}`
        : `Use the declared project ID ${data.replacement}`;
    return [{ title, edits: [edit], preferred: true, fixAll: data.certain }];
  },
});

function checkDeclared(field: Field, declared: string | undefined): Finding<ProjectIdData>[] {
  const { text, notText } = readText(field, 'the project ID as text');
  if (notText) {
    return [
      {
        span: notText.span,
        message: `\`conversationApi.projectId\` ${notText.problem}. ${WHERE}`,
        data: { from: 0, to: 0, certain: false, exact: false },
      },
    ];
  }
  const span = subSpan(field, 0, text.length);
  const exact = field.textStart !== undefined;
  if (!UUID_PATTERN.test(text)) {
    return [
      {
        span,
        message: isPlaceholder(text)
          ? `\`conversationApi.projectId\` is the placeholder \`${shown(text)}\`: put your project ID there. ${WHERE}`
          : `\`conversationApi.projectId\` \`${shown(text)}\` is not a UUID (like \`c36f3d3d-1513-4edd-ae42-11995557ff61\`). ${WHERE}`,
        data: { from: 0, to: text.length, certain: false, exact },
      },
    ];
  }
  if (declared && text !== text.toLowerCase()) {
    return [
      {
        span,
        severity: 'info',
        message: `\`conversationApi.projectId\` \`${shown(text)}\` has capital letters. Sinch shows project IDs in lowercase; UUIDs usually match either way, but lowercase is what Sinch documents.`,
        data: { from: 0, to: text.length, replacement: text.toLowerCase(), certain: true, exact },
      },
    ];
  }
  return [];
}

function editFor(doc: ParsedDocument, field: Field, data: ProjectIdData) {
  const text = field.text!;
  if (data.exact && field.textStart !== undefined) {
    return { span: { start: field.textStart + data.from, end: field.textStart + data.to }, newText: data.replacement! };
  }
  return replaceValueEdit(doc, field, text.slice(0, data.from) + data.replacement + text.slice(data.to));
}
