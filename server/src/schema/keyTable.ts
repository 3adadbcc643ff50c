// The README's table of keys, generated from the zod schema and its docs, so the docs cannot drift from the
// format the server checks.
import { z } from 'zod';
import { sinchcpFile } from './format';
import { keyDocs } from './keyDocs';
import { unwrap, isOptional } from './navigate';

interface Row {
  path: string;
  required: boolean;
  doc: string;
}

function rows(schema: z.ZodType, prefix: string, out: Row[]): Row[] {
  const node = unwrap(schema);
  const object = node instanceof z.ZodArray ? unwrap(node.element as z.ZodType) : node;
  if (!(object instanceof z.ZodObject)) return out;
  for (const [key, child] of Object.entries<z.ZodType>(object.shape)) {
    const inner = unwrap(child);
    const isListOfObjects = inner instanceof z.ZodArray && unwrap(inner.element as z.ZodType) instanceof z.ZodObject;
    const path = `${prefix}${key}${isListOfObjects ? '[]' : ''}`;
    const doc = keyDocs.get(child) ?? keyDocs.get(unwrap(child));
    const parts = [
      doc?.description,
      doc?.expected && `Format: ${doc.expected}.`,
      doc?.source && `From: ${doc.source}.`,
      doc?.destination && `Goes to: ${doc.destination}.`,
    ];
    out.push({ path, required: !isOptional(child), doc: parts.filter(Boolean).join(' ') });
    rows(child, `${path}.`, out);
  }
  return out;
}

export function keyTableMarkdown(): string {
  const lines = ['| key | required | what it is |', '|---|---|---|'];
  for (const row of rows(sinchcpFile, '', [])) {
    lines.push(
      `| \`${row.path}\` | ${row.required ? 'yes' : 'no'} | ${row.doc.replace(/\|/g, '\\|').replace(/\n/g, ' ')} |`,
    );
  }
  return lines.join('\n');
}
