import { subSpan } from '../../model/build';
import { parseServiceConnection } from '../../model/urls';
import { replaceValueEdit } from '../edits/replaceValue';
import { defineRule, type Finding } from '../types';
import { declaredRegionsOfServedApps } from '../support/regions';
import { SERVICE_HOST } from '../support/urls';
import { serviceLabel, capitalize } from '../support/labels';

interface RegionMismatchData {
  service: number;
  /** The apps' region, when they all agree: the fix sets the URL's region label to it. */
  region?: string;
  /** Offsets of the region label inside the URL text. */
  from: number;
  to: number;
  exact: boolean;
}

export default defineRule<RegionMismatchData>({
  name: 'region-mismatch',
  severity: 'error',
  summary: 'A service serves an app declared in another region than its Service Connection, or apps of two regions.',
  check(doc) {
    if (!doc.model.conversationApi) return []; // (x): needs the apps' declared regions
    const findings: Finding<RegionMismatchData>[] = [];
    doc.model.services.forEach((service, index) => {
      const regions = declaredRegionsOfServedApps(doc, service);
      if (!regions.size) return;
      const field = service.serviceConnection;
      const parts = field?.text ? parseServiceConnection(field.text) : undefined;
      const hasLabel = !!parts && parts.hostRest.toLowerCase() === SERVICE_HOST && parts.region.text !== '';
      const from = hasLabel ? parts.region.start : 0;
      const to = hasLabel ? from + parts.region.text.length : 0;
      const exact = hasLabel && field!.textStart !== undefined;
      const span = hasLabel
        ? subSpan(field!, from, to)
        : (field?.span ?? service.authenticationsKeySpan ?? service.span);
      const name = serviceLabel(doc, service);
      const list = [...regions]
        .map(([region, apps]) => `${apps.map((a) => `\`${a}\``).join(', ')} in \`${region}\``)
        .join('; ');
      if (regions.size > 1) {
        findings.push({
          span,
          message: `${capitalize(name)} serves apps of ${regions.size} regions: give each region its own service.\nIts apps: ${list}. An app never changes region, and apps in different regions need separate messaging services, even in one project: give each region its own service with its own Service Connection.`,
          data: { service: index, from, to, exact },
        });
        return;
      }
      const serviceRegion = doc.relations.serviceRegion(service);
      const [appRegion] = [...regions.keys()];
      // An unknown label is service-connection-region's (its fix offers the apps' region).
      if (!serviceRegion || serviceRegion === appRegion) return;
      findings.push({
        span,
        message: `This Service Connection points at region \`${serviceRegion}\`, but its apps are in \`${appRegion}\`: use \`${appRegion}\`.\nThe apps ${name} serves: ${list}. An app never changes region: use \`${appRegion}.${SERVICE_HOST}\`, or check the app's region in the Sinch dashboard (Conversation API > Apps).`,
        data: { service: index, region: appRegion, from, to, exact },
      });
    });
    return findings;
  },
  fixes(finding, doc) {
    const data = finding.data;
    const field = doc.model.services[data?.service ?? -1]?.serviceConnection;
    if (!data?.region || !field?.text || data.to <= data.from) return [];
    const edit = data.exact
      ? { span: { start: field.textStart! + data.from, end: field.textStart! + data.to }, newText: data.region }
      : replaceValueEdit(doc, field, field.text.slice(0, data.from) + data.region + field.text.slice(data.to));
    if (!edit) return [];
    return [
      {
        title: `Set the Service Connection's region to \`${data.region}\``,
        edits: [edit],
        preferred: true,
        fixAll: true,
      },
    ];
  },
});
