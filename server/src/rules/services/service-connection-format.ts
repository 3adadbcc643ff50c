import { subSpan } from '../../model/build';
import { parseServiceConnection, serviceConnectionUrl } from '../../model/urls';
import { replaceValueEdit } from '../edits/replaceValue';
import { defineRule, type Finding } from '../types';
import { readText } from '../support/fieldText';
import { isPlaceholder } from '../support/projectId';
import { rebuildParts, SERVICE_HOST } from '../support/urls';
import { shown, serviceLabel } from '../support/labels';
import { SC_SERVICES } from '../support/vocabulary';

interface ServiceConnectionFormatData {
  /** The URL rebuilt from the region and project ID found in it or in `conversationApi`, when both were found. */
  rebuilt?: string;
  /** The service's index in `messagingServices`, to find the field again. */
  service: number;
}

const EXPECTED = '`https://{eu|us}.conversation.api.sinch.com/v1/projects/{projectId}/messages:send`';
const PATH = /^\/v1\/projects\/([^/]*)\/messages:send$/;

/** `what` is short (a message's first line); `more` the detail after it. */
interface Problem {
  from: number;
  to: number;
  what: string;
  more?: string;
}

export default defineRule<ServiceConnectionFormatData>({
  name: 'service-connection-format',
  severity: 'error',
  summary:
    'The Service Connection is not `https://{region}.conversation.api.sinch.com/v1/projects/{uuid}/messages:send`.',
  check(doc) {
    const findings: Finding<ServiceConnectionFormatData>[] = [];
    doc.model.services.forEach((service, index) => {
      const field = service.serviceConnection;
      if (!field) return; // missing-key's
      const { region, projectId } = rebuildParts(doc, service);
      const rebuilt = region && projectId ? serviceConnectionUrl(region, projectId) : undefined;
      const data = { rebuilt, service: index };
      const where = `(${SC_SERVICES} > [service] > Basics > Service Connection).`;
      const label = serviceLabel(doc, service);
      const suggestion = rebuilt ? ` From what this file says, it should be \`${rebuilt}\`.` : '';
      const { text, notText } = readText(field, 'a URL');
      if (notText) {
        findings.push({
          span: notText.span,
          message: `The Service Connection ${notText.problem}.\nIt is the one of ${label}. Expected ${EXPECTED} ${where}${suggestion}`,
          data: notText.empty ? data : { service: index },
        });
        return;
      }
      const problems = findProblems(text);
      if (!problems.length) return;
      if (field.textStart === undefined) {
        findings.push({
          span: field.span,
          message:
            `The Service Connection is not in the expected form.\n` +
            `What is off: ${problems.map((p) => p.what).join('; ')}. ${problems.map((p) => p.more ?? '').join('')}It is the one of ${label}. Expected ${EXPECTED} ${where}${suggestion}`,
          data,
        });
        return;
      }
      for (const problem of problems) {
        findings.push({
          span: subSpan(field, problem.from, problem.to),
          message: `Service Connection: ${problem.what}.\n${problem.more ?? ''}It is the one of ${label}. Expected ${EXPECTED} ${where}${suggestion}`,
          data,
        });
      }
    });
    return findings;
  },
  fixes(finding, doc) {
    const rebuilt = finding.data?.rebuilt;
    const field = doc.model.services[finding.data?.service ?? -1]?.serviceConnection;
    if (!rebuilt || !field || field.text === rebuilt) return [];
    const edit = replaceValueEdit(doc, field, rebuilt);
    if (!edit) return [];
    return [{ title: `Rebuild the URL: ${rebuilt}`, edits: [edit], preferred: true, fixAll: true }];
  },
});

/** What is wrong with a service connection URL, each with the offsets (in the URL) of the wrong part. */
export function findProblems(url: string): Problem[] {
  const problems: Problem[] = [];
  const lead = url.length - url.trimStart().length;
  const trimmed = url.trim();
  if (lead > 0) problems.push({ from: 0, to: lead, what: 'it starts with white space' });
  const parts = parseServiceConnection(url);
  if (!parts) {
    const what = /^[a-z]+\.conversation\.api\.sinch\.com\b/i.test(trimmed)
      ? '`https://` is missing at the start'
      : `\`${truncate(trimmed)}\` is not a URL`;
    problems.push({ from: lead, to: lead + trimmed.length, what });
    return problems;
  }
  const scheme = parts.scheme.toLowerCase();
  if (scheme !== 'https') {
    problems.push({
      from: lead,
      to: lead + parts.scheme.length,
      what:
        scheme === 'http'
          ? 'it uses `http`: write `https` (the Conversation API is reached over it)'
          : `\`${shown(parts.scheme)}\` should be \`https\``,
    });
  }
  const host = parts.host;
  const pathStart = parts.path.start;
  const afterPath = pathStart + parts.path.text.length;
  if (!host.text.includes('.')) {
    // One rendering of the Contact Pro page drops the middle of the URL: `https://eu[project ID]/messages:send`.
    // The range is what stands before the gap (`https://eu`), not what follows it: that may be a placeholder,
    // which is reported on its own.
    const label = /^[A-Za-z]*/.exec(host.text)![0];
    problems.push({
      from: lead,
      to: host.start + label.length,
      what: `the middle of the URL is missing (\`.${SERVICE_HOST}/v1/projects/\`)`,
      more: `It reads \`${truncate(trimmed)}\`. `,
    });
    return problems;
  }
  if (parts.hostRest.toLowerCase() !== SERVICE_HOST) {
    const what =
      host.text.toLowerCase() === SERVICE_HOST
        ? `the host has no region: write \`eu.\` or \`us.\` before \`${SERVICE_HOST}\``
        : `\`${shown(host.text)}\` is the wrong host: write \`{eu|us}.${SERVICE_HOST}\``;
    const more = /\.sms\.api\.sinch\.com$/i.test(host.text) ? 'That is the SMS API host. ' : undefined;
    problems.push({ from: host.start, to: host.start + host.text.length, what, ...(more ? { more } : {}) });
  }
  const path = parts.path.text;
  const match = PATH.exec(path);
  if (match) {
    const segment = match[1]!;
    const segmentStart = pathStart + '/v1/projects/'.length;
    if (segment === '') {
      problems.push({
        from: segmentStart - 1,
        to: segmentStart + 1,
        what: 'the project ID between `/projects/` and `/messages:send` is missing',
      });
    } else if (isPlaceholder(segment)) {
      problems.push({
        from: segmentStart,
        to: segmentStart + segment.length,
        what: `\`${shown(segment)}\` is a placeholder: put your project ID there (Sinch dashboard: Conversation API > Apps)`,
      });
    }
  } else if (path === '' || path === '/') {
    const [from, to] = path === '/' ? [pathStart, afterPath] : [host.start, host.start + host.text.length];
    problems.push({ from, to, what: 'the path `/v1/projects/{projectId}/messages:send` after the host is missing' });
  } else if (/^\/v1\/projects\/[^/]*\/messages$/.test(path)) {
    const from = pathStart + path.length - 'messages'.length;
    problems.push({ from, to: afterPath, what: '`messages` must be followed by `:send` (`…/messages:send`)' });
  } else {
    problems.push({
      from: pathStart,
      to: afterPath,
      what: 'the path should be `/v1/projects/{projectId}/messages:send`',
      more: `It is \`${truncate(path)}\`${describePath(path)}. `,
    });
  }
  const end = lead + trimmed.length;
  if (afterPath < end)
    problems.push({
      from: afterPath,
      to: end,
      what: `\`${truncate(url.slice(afterPath, end))}\` after \`messages:send\` does not belong in the URL`,
    });
  if (end < url.length) problems.push({ from: end, to: url.length, what: 'it ends with white space' });
  return problems;
}

function describePath(path: string): string {
  if (/\/messages:send\/$/.test(path)) return ' (no `/` at the end)';
  if (!/^\/v1\//.test(path) && /\/projects\//.test(path)) return ' (`/v1` is missing)';
  if (!/\/projects\//.test(path)) return ' (`/projects/{projectId}` is missing)';
  return ' (extra or missing path parts)';
}

function truncate(s: string): string {
  return shown(s);
}
