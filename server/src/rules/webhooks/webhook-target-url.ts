import type { Field } from '../../model/types';
import type { ParsedDocument } from '../../parse/parsedDocument';
import { subSpan } from '../../model/build';
import { parseWebhookTarget } from '../../model/urls';
import { defineRule, type Finding } from '../types';
import { apiTargetProblems, contactProUrlProblems, expectedTargetUrl } from '../support/contactProWebhooks';
import { describeApp } from '../support/labels';
import { replaceValue } from '../edits/replaceValue';

interface WebhookTargetUrlData {
  /** The URL built from `tenant` (when its name and landscape are valid); the fix writes it. */
  expected?: string;
}

interface UrlSite {
  field: Field;
  /** Inbound targetUrl (every Contact Pro check) or an app webhook's target (only what Sinch refuses). */
  inbound: boolean;
  label: string;
}

function sites(doc: ParsedDocument): UrlSite[] {
  const out: UrlSite[] = [];
  for (const app of doc.model.conversationApi?.apps ?? []) {
    for (const webhook of app.webhooks) {
      if (webhook.target?.text !== undefined)
        out.push({ field: webhook.target, inbound: false, label: `the webhook target of app ${describeApp(app)}` });
    }
  }
  doc.model.services.forEach((service, index) => {
    for (const auth of doc.relations.inboundAuthentications(service)) {
      const name = service.name?.text ? `service \`${service.name.text}\`` : `messaging service ${index + 1}`;
      if (auth.targetUrl?.text !== undefined)
        out.push({ field: auth.targetUrl, inbound: true, label: `the inbound targetUrl of ${name}` });
    }
  });
  return out;
}

/** The expected URL, keeping the user's spelling of the tenant segment when only its case differs. */
function expectedFor(url: string, base: string | undefined, tenantName: string | undefined): string | undefined {
  if (!base || !tenantName) return base;
  const segment = parseWebhookTarget(url)?.tenant?.text;
  if (segment && segment !== tenantName && segment.toLowerCase() === tenantName.toLowerCase()) {
    return base.replace(`/${tenantName}/`, `/${segment}/`);
  }
  return base;
}

export default defineRule<WebhookTargetUrlData>({
  name: 'webhook-target-url',
  severity: 'error',
  summary:
    "An inbound targetUrl is not Contact Pro's `https://login-{landscape}.cc.sinch.com/{tenant}/sms/sinchconversation/all`.",
  check(doc) {
    const findings: Finding<WebhookTargetUrlData>[] = [];
    const tenant = doc.model.tenant;
    const base = expectedTargetUrl(tenant);
    for (const site of sites(doc)) {
      const url = site.field.text!;
      const problems = site.inbound ? contactProUrlProblems(url, tenant) : apiTargetProblems(url);
      if (!problems.length) continue;
      const expected = site.inbound ? expectedFor(url, base, tenant?.name?.text) : undefined;
      const hint = site.inbound
        ? expected
          ? ` Expected, from \`tenant\`: ${expected}`
          : " Expected: `https://login-{landscape}.cc.sinch.com/{tenant}/sms/sinchconversation/all` with your tenant's landscape and name."
        : '';
      for (const problem of problems) {
        // Without exact offsets (escapes, several lines) the whole value is the range.
        const span = subSpan(site.field, problem.from, problem.to);
        findings.push({
          span,
          message: `${problem.message}\nIt is in ${site.label}.${hint}`,
          data: expected ? { expected } : {},
        });
      }
    }
    return findings;
  },
  fixes(finding, doc) {
    const expected = finding.data?.expected;
    // The data is checked against the current tenant: the fix only ever writes the tenant's own URL.
    if (!expected || expected.toLowerCase() !== expectedTargetUrl(doc.model.tenant)?.toLowerCase()) return [];
    const site = sites(doc).find(
      (s) => s.inbound && s.field.span.start <= finding.span.start && finding.span.end <= s.field.span.end,
    );
    if (!site) return [];
    const edits = replaceValue(doc, site.field, expected);
    if (!edits.length) return [];
    return [{ title: `Replace with ${expected}`, edits, preferred: true, fixAll: true }];
  },
});
