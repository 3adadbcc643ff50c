// npm run fuzz -- --seed S --runs N [--time-limit MS] [--save DIR]: a long fuzz run against dist/server.js.
// Prints the count of every failure kind, the first examples of each and the time; exits 1 when any count is
// not zero. --save writes every failing input (and report.json) into DIR, to reproduce with.
import { parseArgs } from 'node:util';
import { FAILURE_KINDS, formatReport, runFuzz } from './harness';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    runs: { type: 'string', default: '500' },
    'time-limit': { type: 'string', default: '2000' },
    save: { type: 'string' },
  },
});
const number = (name: string, value: string | undefined) => {
  if (!value || !/^\d+$/.test(value)) {
    console.error(`--${name} takes a non-negative integer`);
    process.exit(2);
  }
  return Number(value);
};

async function main(): Promise<void> {
  const runs = number('runs', values.runs);
  const report = await runFuzz({
    seed: number('seed', values.seed),
    runs,
    timeLimitMs: number('time-limit', values['time-limit']),
    ...(values.save ? { saveDir: values.save } : {}),
    onInput: (index) => {
      if (index && index % 100 === 0) console.error(`… ${index}/${runs}`);
    },
  });
  console.log(formatReport(report));
  process.exitCode = FAILURE_KINDS.some((kind) => report.counts[kind] > 0) ? 1 : 0;
}

void main();
