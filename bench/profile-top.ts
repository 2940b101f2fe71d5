/**
 * The top frames of a `node --cpu-prof` profile (BENCHMARKS.md's Analysis quotes them): self time per
 * function, and inclusive time for frames whose location matches a filter (default: plenary's own code).
 *
 *   node bin/run-ts.js bench/profile-top.ts <file.cpuprofile> [--top N] [--ours REGEX]
 */
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const [file] = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const top = Number(option('--top', '25'));
const ours = new RegExp(option('--ours', '/(src|commands|adapters)/'));

const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const selfUs = new Map<number, number>();
profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

const label = (n: Node) => {
  const url = n.callFrame.url.replace(/^file:\/\/.*?\/(node_modules|dist)\//, '$1/');
  return `${n.callFrame.functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber + 1}`;
};
const self = new Map<string, number>();
const inclusive = new Map<string, number>();
let total = 0;
for (const [id, us] of selfUs) {
  total += us;
  const node = byId.get(id) as Node;
  self.set(label(node), (self.get(label(node)) ?? 0) + us);
  // Inclusive: each distinct matching frame on the stack gets the sample once (recursion counted once).
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const frame = byId.get(at) as Node;
    if (!ours.test(frame.callFrame.url)) continue;
    const name = label(frame);
    if (seen.has(name)) continue;
    seen.add(name);
    inclusive.set(name, (inclusive.get(name) ?? 0) + us);
  }
}
const ms = (us: number) => `${(us / 1000).toFixed(0)} ms`;
const idle = self.get('(idle) :0') ?? 0;
console.log(`sampled ${ms(total)}, idle ${ms(idle)}, busy ${ms(total - idle)}`);
console.log('\nself time:');
for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${ms(us).padStart(8)}  ${name}`);
console.log(`\ninclusive time, frames matching ${ours}:`);
for (const [name, us] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${ms(us).padStart(8)}  ${name}`);
