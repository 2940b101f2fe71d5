/**
 * Quick throughput check (not a test): 20,000 sequential `set`s into the SQLite store through
 * openStore, each awaited, i.e. each its own committed transaction. Usage:
 *   npx tsx bench/store-throughput.ts [store-url]     (default: a fresh file in a temp dir)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../src/store/open-store.ts';

const COUNT = 20_000;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'plenary-bench-'));
  const url = process.argv[2] ?? `sqlite://${join(dir, 'bench.sqlite')}`;
  const store = await openStore(url);
  try {
    const value = { session: 's-1', participant: 'p-42', stance: 'support', note: 'ça marche 👍' };
    const start = process.hrtime.bigint();
    for (let i = 0; i < COUNT; i++) await store.set(`bench:${i}`, { ...value, i });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const check = await store.get<{ i: number }>(`bench:${COUNT - 1}`);
    if (check?.i !== COUNT - 1) throw new Error('last write not readable');
    console.log(`${url}: ${COUNT} sequential sets in ${seconds.toFixed(2)} s = ${Math.round(COUNT / seconds)} writes/s`);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
