// The `sinchcp` command: `import [--project ID] [--out FILE|-] [FILE]`, `webhooks plan FILE`,
// `webhooks apply FILE --yes`. Credentials come from SINCH_KEY_ID / SINCH_KEY_SECRET, hosts from
// SINCHCP_AUTH_URL / SINCHCP_CONVERSATION_URL. Exit codes: 0 done (plan: nothing to do), 1 changes needed
// (plan) or a failure talking to Sinch, 2 bad usage, missing credentials or an unreadable file.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { parseText } from '../parse/parsedDocument';
import { SinchClient } from './client';
import { credentialsFromEnv } from './credentials';
import { SinchError } from './errors';
import { hostsFromEnv } from './hosts';
import { importProject, ImportError } from './import/mergeImport';
import { readProject } from './snapshot';
import { applyWebhookPlan, describePlan, planWebhooks } from './webhooks/plan';

export interface SinchcpIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
}

export const SINCHCP_USAGE = `Usage:
  sinchcp import [--project ID] [--out FILE|-] [FILE]
      Reads the project's apps and webhooks from all three regions and writes them into conversationApi
      of FILE (created when missing; the rest of the file is kept). --out writes elsewhere; --out - prints.
  sinchcp webhooks plan FILE
      Prints the changes that make each app's Contact Pro webhook right. Exit 0: nothing to do; 1: changes.
  sinchcp webhooks apply FILE --yes
      Makes those changes (never deletes a webhook).

Credentials: SINCH_KEY_ID and SINCH_KEY_SECRET (an access key of the project).
Hosts (tests and proxies only): SINCHCP_AUTH_URL, SINCHCP_CONVERSATION_URL.`;

class Usage extends Error {}

export async function runSinchcp(argv: string[], io: SinchcpIo): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (!command || command === '--help' || command === '-h') {
      io.stdout(SINCHCP_USAGE);
      return command ? 0 : 2;
    }
    if (command === 'import') return await importCommand(rest, io);
    if (command === 'webhooks') return await webhooksCommand(rest, io);
    throw new Usage(`unknown command "${command}"`);
  } catch (error) {
    if (error instanceof Usage) {
      io.stderr(`sinchcp: ${error.message}\n\n${SINCHCP_USAGE}`);
      return 2;
    }
    if (error instanceof SinchError || error instanceof ImportError) {
      io.stderr(`sinchcp: ${error.message}`);
      return error instanceof SinchError ? 1 : 2;
    }
    throw error;
  }
}

function args(
  argv: string[],
  options: NonNullable<ParseArgsConfig['options']>,
): { values: Record<string, unknown>; positionals: string[] } {
  try {
    return parseArgs({ args: argv, allowPositionals: true, options, strict: true });
  } catch (error) {
    throw new Usage((error as Error).message);
  }
}

function client(io: SinchcpIo): SinchClient | undefined {
  const found = credentialsFromEnv(io.env);
  if (!found.ok) {
    io.stderr(`sinchcp: ${found.reason}`);
    return undefined;
  }
  return new SinchClient({ ...found.credentials, ...hostsFromEnv(io.env) });
}

function readFile(path: string, io: SinchcpIo): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    io.stderr(`sinchcp: cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    return undefined;
  }
}

async function importCommand(argv: string[], io: SinchcpIo): Promise<number> {
  const { values, positionals } = args(argv, { project: { type: 'string' }, out: { type: 'string' } });
  if (positionals.length > 1) throw new Usage('import takes at most one FILE');
  const file = positionals[0];
  let text = '';
  if (file && existsSync(file)) {
    const read = readFile(file, io);
    if (read === undefined) return 2;
    text = read;
  }
  const projectId = (values.project as string | undefined) ?? parseText(text).model.conversationApi?.projectId?.text;
  if (!projectId) throw new Usage('no project: give --project ID, or a FILE whose conversationApi.projectId names it');
  const out = (values.out as string | undefined) ?? file ?? '-';
  const sinch = client(io);
  if (!sinch) return 2;
  const snapshot = await readProject(sinch, projectId);
  const result = importProject(text, snapshot, {
    keyId: credentialsFromEnv(io.env).ok ? io.env.SINCH_KEY_ID?.trim() : undefined,
  });
  const summary = result.changes.length ? result.changes.map((c) => `  ${c}`).join('\n') : '  nothing to change';
  if (out === '-') {
    io.stdout(result.text.replace(/\n$/, ''));
    io.stderr(`sinchcp: ${snapshot.apps.length} apps in project ${projectId}:\n${summary}`);
    return 0;
  }
  if (result.text !== text || !existsSync(out)) writeFileSync(out, result.text);
  io.stderr(
    `sinchcp: ${result.created ? 'created' : 'updated'} ${out} from project ${projectId} (${snapshot.apps.length} apps):\n${summary}`,
  );
  return 0;
}

async function webhooksCommand(argv: string[], io: SinchcpIo): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'plan' && sub !== 'apply') throw new Usage('webhooks takes "plan FILE" or "apply FILE --yes"');
  const { values, positionals } = args(rest, { yes: { type: 'boolean', default: false } });
  if (positionals.length !== 1) throw new Usage(`webhooks ${sub} takes one FILE`);
  if (sub === 'apply' && !values.yes) throw new Usage('webhooks apply changes the live project: add --yes to confirm');
  const file = positionals[0]!;
  const text = readFile(file, io);
  if (text === undefined) return 2;
  const doc = parseText(text);
  const projectId = doc.model.conversationApi?.projectId?.text;
  if (!projectId) throw new Usage(`${file} has no conversationApi.projectId`);
  const sinch = client(io);
  if (!sinch) return 2;
  const snapshot = await readProject(sinch, projectId);
  const plan = planWebhooks(doc, snapshot, io.env);
  io.stdout(describePlan(plan));
  if (sub === 'plan') return plan.changes.length ? 1 : 0;
  if (!plan.changes.length) return 0;
  const applied = await applyWebhookPlan(sinch, plan);
  io.stdout(applied.map((line) => `done: ${line}`).join('\n'));
  return 0;
}
