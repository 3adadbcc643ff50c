// Deterministic generator of realistic sinchcp files for the benchmark and the hostile-input tests: one tenant,
// one Conversation API project, and "units" of one messaging service serving 1–3 apps of one region with the
// queues that use them. A sprinkling of the mistakes administrators make (about one per 20 lines) is planted:
// lowercase app IDs, plaintext secrets, wrong region labels, key typos, invalid values, missing triggers,
// wrong subchannels, US SMS without sender ID. Same options → same text, byte for byte.

export interface GenerateOptions {
  /** Approximate number of lines wanted (the file ends at the first unit boundary at or after it). */
  lines: number;
  seed?: number;
  /** Probability that a mistake site gets its mistake; the default gives ~1 planted mistake per 20 lines. */
  mistakeRate?: number;
}

export interface GeneratedFile {
  text: string;
  lineCount: number;
  /** Planted mistakes by kind (what the rules should find once all of them are registered). */
  planted: Record<string, number>;
  plantedTotal: number;
  /**
   * A letter inside a correct app ID (a conversationApi entry near the middle of the file): lowercasing it
   * introduces an app-id-case finding, writing it back removes it.
   */
  editSite: { line: number; character: number; upper: string; lower: string };
  /** Positions for completion / hover: a key, a region value, a queue address (all near the end of the file). */
  probes: { name: string; line: number; character: number }[];
}

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CROCKFORD = [...'0123456789ABCDEFGHJKMNPQRSTVWXYZ'];
const HEX = [...'0123456789abcdef'];

const CHANNEL_SUBCHANNEL: Record<string, string> = {
  WHATSAPP: 'whatsapp',
  SINCH_CHAT: 'nativechannel',
  MESSENGER: 'facebook',
  INSTAGRAM: 'instagram',
  VIBER: 'viber-bot',
  TELEGRAM: 'telegram',
  LINE: 'line',
  RCS: 'rcs',
  SMS: 'sms',
};
const CHANNELS = Object.keys(CHANNEL_SUBCHANNEL);
const WORDS = ['Support', 'Sales', 'Billing', 'Returns', 'VIP', 'Outreach', 'Claims', 'Bookings', 'Helpdesk', 'Orders'];
const COUNTRIES = ['DE', 'FR', 'NL', 'ES', 'IT', 'SE', 'PL', 'US', 'CA', 'MX'];

interface App {
  id: string;
  region: 'eu' | 'us';
  channels: string[];
  name: string;
  secretVar: string;
}

export function generate(options: GenerateOptions): GeneratedFile {
  const random = prng(options.seed ?? 20240601);
  const rate = options.mistakeRate ?? 0.09;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const chance = (p: number) => random() < p;
  const planted: Record<string, number> = {};
  const plant = (kind: string) => {
    planted[kind] = (planted[kind] ?? 0) + 1;
  };
  const mistake = (kind: string) => {
    if (!chance(rate)) return false;
    plant(kind);
    return true;
  };
  const appId = () => CROCKFORD[Math.floor(random() * 8)]! + Array.from({ length: 25 }, () => pick(CROCKFORD)).join('');
  const uuid = () => [8, 4, 4, 4, 12].map((n) => Array.from({ length: n }, () => pick(HEX)).join('')).join('-');
  /** A lowercase variant of an ID (the whole ID, as typed by hand). */
  const lower = (id: string) => id.toLowerCase();

  const tenant = 'acme';
  const projectId = uuid();
  const targetUrl = `https://login-eu-c1.cc.sinch.com/${tenant}/sms/sinchconversation/all`;
  const header = [
    '# sinchcp: generated benchmark tenant (deterministic)',
    'version: 1',
    '',
    'tenant:',
    `  name: ${tenant}`,
    '  landscape: eu-c1',
    '',
    'conversationApi:',
    `  projectId: ${projectId}`,
    '  apps:',
  ];
  const appLines: string[] = [];
  const serviceLines: string[] = ['', 'messagingServices:'];
  const queueLines: string[] = ['', 'queues:'];
  /** Line (index into appLines) and column of a clean app ID, per unit, to choose the edit site from. */
  const cleanIds: { appLine: number; character: number; id: string }[] = [];
  let unit = 0;

  const total = () => header.length + appLines.length + serviceLines.length + queueLines.length;
  while (unit === 0 || total() + 25 < options.lines) {
    unit++;
    const region: 'eu' | 'us' = chance(0.6) ? 'eu' : 'us';
    const secretVar = `U${unit}_WEBHOOK_SECRET`;
    const apps: App[] = Array.from({ length: 1 + Math.floor(random() * 3) }, (_, i) => {
      const channels = [
        ...new Set([pick(CHANNELS), pick(CHANNELS), ...(region === 'us' && chance(0.5) ? ['SMS'] : [])]),
      ];
      return { id: appId(), region, channels, name: `${pick(WORDS)} ${pick(COUNTRIES)} ${unit}.${i + 1}`, secretVar };
    });

    // conversationApi.apps
    for (const app of apps) {
      const idLowercase = mistake('app-id-case');
      if (!idLowercase) cleanIds.push({ appLine: appLines.length, character: '    - appId: '.length, id: app.id });
      appLines.push(`    - appId: ${idLowercase ? lower(app.id) : app.id}`);
      appLines.push(`      name: ${app.name}`);
      appLines.push(`      region: ${mistake('region-mismatch') ? (region === 'eu' ? 'us' : 'eu') : app.region}`);
      const modeKey = mistake('unknown-key') ? 'procesingMode' : 'processingMode';
      appLines.push(`      ${modeKey}: ${mistake('invalid-value') ? 'DISPATCHED' : 'DISPATCH'}`);
      appLines.push(`      channels: [${app.channels.join(', ')}]`);
      appLines.push('      webhooks:');
      appLines.push(`        - target: ${targetUrl}`);
      appLines.push(
        `          secret: ${mistake('plaintext-secret') ? `s3cr3t-${unit}-${Math.floor(random() * 1e6)}` : `\${env:${secretVar}}`}`,
      );
      appLines.push(`          triggers: [MESSAGE_DELIVERY${mistake('missing-trigger') ? '' : ', MESSAGE_INBOUND'}]`);
    }

    // messagingServices
    const host = mistake('service-connection-region') ? (region === 'eu' ? 'europe' : 'usa') : region;
    serviceLines.push(`  - name: ${region.toUpperCase()} service ${unit}`);
    serviceLines.push('    type: sinchconversation');
    serviceLines.push(
      `    serviceConnection: https://${host}.conversation.api.sinch.com/v1/projects/${projectId}/messages:send`,
    );
    serviceLines.push('    authentications:');
    const keyId = uuid();
    for (const app of apps) {
      serviceLines.push('      - direction: outbound');
      serviceLines.push(`        authenticationId: ${keyId}@${mistake('app-id-case') ? lower(app.id) : app.id}`);
      serviceLines.push(
        `        password: ${mistake('plaintext-secret') ? `key-secret-${Math.floor(random() * 1e9)}` : '${env:SINCH_ACCESS_KEY_SECRET}'}`,
      );
    }
    serviceLines.push('      - direction: inbound');
    serviceLines.push('        authenticationId: webhook');
    serviceLines.push(`        password: \${env:${secretVar}}`);
    serviceLines.push('        triggers: [MESSAGE_DELIVERY, MESSAGE_INBOUND]');
    serviceLines.push(`        targetUrl: ${targetUrl}`);

    // queues: one per app, with an address per channel
    for (const app of apps) {
      queueLines.push(`  - name: ${app.name} queue`);
      queueLines.push('    type: chat');
      queueLines.push('    addresses:');
      for (const channel of app.channels) {
        const sub = mistake('queue-address-format') ? 'sinch-chat' : CHANNEL_SUBCHANNEL[channel];
        queueLines.push(
          `      - address: ${mistake('app-id-case') ? lower(app.id) : app.id}@${sub}.sinchconversation.com`,
        );
        if (channel === 'SMS' && app.region === 'us' && !mistake('missing-sms-sender-id')) {
          queueLines.push(`        smsSenderId: "+1202555${String(Math.floor(random() * 10000)).padStart(4, '0')}"`);
        }
      }
    }
  }

  const lines = [...header, ...appLines, ...serviceLines, ...queueLines, ''];
  const text = lines.join('\n');
  const middle = cleanIds[Math.floor(cleanIds.length / 2)]!;
  const letter = [...middle.id].findIndex((c) => /[A-Z]/.test(c));
  const editSite = {
    line: header.length + middle.appLine,
    character: middle.character + letter,
    upper: middle.id[letter]!,
    lower: middle.id[letter]!.toLowerCase(),
  };
  const probes = probePositions(lines);
  const plantedTotal = Object.values(planted).reduce((a, b) => a + b, 0);
  return { text, lineCount: lines.length, planted, plantedTotal, editSite, probes };
}

/** Positions near the end of the file: inside a key, on a region value, inside a queue address, after `type: `. */
function probePositions(lines: string[]): GeneratedFile['probes'] {
  const last = (re: RegExp) => {
    for (let i = lines.length - 1; i >= 0; i--) if (re.test(lines[i]!)) return i;
    return 0;
  };
  const region = last(/^ {6}region: /);
  const address = last(/^ {6}- address: /);
  const type = last(/^ {4}type: /);
  const key = last(/^ {4}serviceConnection: /);
  return [
    { name: 'key', line: key, character: 8 },
    { name: 'region value', line: region, character: lines[region]!.length },
    { name: 'address', line: address, character: lines[address]!.indexOf('@') + 3 },
    { name: 'type value', line: type, character: lines[type]!.length },
  ];
}

if (require.main === module) {
  const lines = Number(process.argv[2] ?? 2000);
  const file = generate({ lines });
  process.stdout.write(file.text);
  process.stderr.write(`${file.lineCount} lines, planted ${file.plantedTotal}: ${JSON.stringify(file.planted)}\n`);
}
