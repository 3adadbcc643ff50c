import { subSpan } from '../../model/build';
import { defineRule, type Finding } from '../types';
import { SC_SERVICES, shown } from './shared';

export default defineRule({
  name: 'duplicate-service-name',
  severity: 'error',
  summary: 'Two messaging services share a name.',
  check(doc) {
    const findings: Finding[] = [];
    const firstLine = new Map<string, number>();
    for (const service of doc.model.services) {
      const field = service.name;
      const name = field?.text?.trim();
      if (!field || !name) continue;
      const line = doc.textDocument.positionAt(field.span.start).line + 1;
      const earlier = firstLine.get(name);
      if (earlier === undefined) {
        firstLine.set(name, line);
        continue;
      }
      findings.push({
        span: subSpan(field, 0, field.text!.length),
        message: `Another messaging service (line ${earlier}) is already named \`${shown(name)}\`. Each service in SC needs its own name (${SC_SERVICES} > [service] > Basics > Name): rename one, or merge the two if they are the same service.`,
      });
    }
    return findings;
  },
});
