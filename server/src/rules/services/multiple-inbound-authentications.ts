import { defineRule, type Finding } from '../types';
import { directionOf } from './directions';
import { serviceLabel, capitalize } from '../support/labels';

export default defineRule({
  name: 'multiple-inbound-authentications',
  severity: 'error',
  summary: 'A messaging service has more than one `inbound` authentication entry.',
  check(doc) {
    const findings: Finding[] = [];
    for (const service of doc.model.services) {
      const inbound = service.authentications.filter((a) => directionOf(a) === 'inbound');
      if (inbound.length < 2) continue;
      const firstLine = doc.textDocument.positionAt(inbound[0]!.span.start).line + 1;
      for (const entry of inbound.slice(1)) {
        const span =
          entry.direction?.text !== undefined ? entry.direction.span : (entry.authenticationId?.span ?? entry.span);
        findings.push({
          span,
          message: `${capitalize(serviceLabel(doc, service))} already has an inbound entry (line ${firstLine}). SC keeps one webhook secret per messaging service: keep one inbound entry, and give every app this service serves that same webhook secret.`,
        });
      }
    }
    return findings;
  },
});
