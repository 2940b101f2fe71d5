/**
 * Durability under SIGKILL: every key the child reported as written (set resolved) must be
 * readable after the child is killed mid-stream and the store is reopened.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.ts';
import { redisBackend, sqliteBackend } from './backends.ts';

const fixture = fileURLToPath(new URL('./fixtures/write-loop.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Runs the writer until it has printed `atLeast` keys, SIGKILLs it, returns the printed keys. */
function writeThenKill(url: string, atLeast: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fixture, url], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let killed = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (!killed && out.split('\n').length > atLeast + 2) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`writer exited (${code}): ${err}`));
      // The last line may be cut off mid-write: only complete lines count as reported.
      const lines = out.split('\n').slice(0, -1);
      resolve(lines.filter((l) => l.startsWith('kill:')));
    });
  });
}

for (const backend of [sqliteBackend(), redisBackend()]) {
  describe.skipIf(!backend.enabled)(`SIGKILL durability: ${backend.name}`, () => {
    beforeAll(() => backend.setup());
    afterAll(() => backend.teardown());

    it('every key printed after set() resolved survives the kill', async () => {
      const url = await backend.freshUrl();
      const printed = await writeThenKill(url, 500);
      expect(printed.length).toBeGreaterThanOrEqual(500);
      const store = await openStore(url);
      try {
        const values = await store.getMany<{ i: number }>(printed);
        const missing = printed.filter((_, j) => values[j] === undefined);
        expect(missing).toEqual([]);
        expect(values.map((v) => v!.i)).toEqual(printed.map((_, j) => j));
        // Keys are written in order, so the stored range must start with exactly the printed ones.
        const scanned = await store.scan('kill:');
        expect(scanned.slice(0, printed.length).map(([k]) => k)).toEqual(printed);
      } finally {
        await store.close();
      }
    });
  });
}
