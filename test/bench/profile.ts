// An in-process loop for `node --cpu-prof`: the full check (parse + model + all rules) of a generated file,
// many times over. Usage:
//   node --cpu-prof --cpu-prof-dir=.bench/prof --import tsx test/bench/profile.ts [lines=2000] [seconds=10]
//   node --import tsx test/bench/profile.ts --summary .bench/prof/<file>.cpuprofile
import { readFileSync } from 'node:fs';
import { parseText } from '../../server/src/parse/parsedDocument';
import { diagnose } from '../../server/src/service/diagnostics';
import { defaultSettings } from '../../server/src/service/settings';
import { generate } from './generate';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time by function and by source area (yaml lexer/parser/composer, our parse/model/rules, GC). */
function summarize(path: string): void {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byFunction = new Map<string, number>();
  const byArea = new Map<string, number>();
  for (const [id, t] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const file = url.replace(/^.*\/(node_modules|server\/src)\//, '$1/');
    byFunction.set(
      `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`,
      (byFunction.get(`${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`) ?? 0) + t,
    );
    const area = /node_modules\/yaml\/dist\/([^/]+)\//.exec(url)?.[1]
      ? `yaml/${/node_modules\/yaml\/dist\/([^/]+)\//.exec(url)![1]}`
      : /server\/src\/([^/]+)\//.exec(url)?.[1]
        ? `ours/${/server\/src\/([^/]+)\//.exec(url)![1]}`
        : (/node_modules\/([^/]+)\//.exec(url)?.[1] ?? (functionName.startsWith('(') ? functionName : 'other'));
    byArea.set(area, (byArea.get(area) ?? 0) + t);
  }
  const print = (title: string, map: Map<string, number>, n: number) => {
    console.log(`\n${title}`);
    for (const [k, v] of [...map].sort((a, b) => b[1] - a[1]).slice(0, n))
      console.log(`${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`);
  };
  print('self time by area', byArea, 15);
  print('self time by function', byFunction, 30);
}

if (process.argv[2] === '--summary') {
  summarize(process.argv[3]!);
} else {
  const lines = Number(process.argv[2] ?? 2000);
  const seconds = Number(process.argv[3] ?? 10);
  const { text } = generate({ lines });
  const deadline = performance.now() + seconds * 1000;
  let runs = 0;
  while (performance.now() < deadline) {
    diagnose(parseText(text), defaultSettings);
    runs++;
  }
  console.log(`${runs} full checks of ${lines} lines in ${seconds} s: ${((seconds * 1000) / runs).toFixed(2)} ms each`);
}
