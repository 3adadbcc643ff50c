// Prints the JSON Schema of the format (for editors other than VS Code); esbuild.mjs writes it to
// dist/sinchcp.schema.json at build time.
import { z } from 'zod';
import { sinchcpFile } from './format';
import { keyDocs } from './keyDocs';

const schema = z.toJSONSchema(sinchcpFile, { metadata: keyDocs, unrepresentable: 'any' });
process.stdout.write(JSON.stringify({ title: 'sinchcp configuration (format version 1)', ...schema }, null, 2) + '\n');
