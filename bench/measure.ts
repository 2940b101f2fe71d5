/** Small helpers of the bench: repetitions, min/median/max, temp stores, child processes, the commit measured. */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const TMP_ROOT = join(ROOT, 'bench', 'tmp'); // git-ignored

export interface Figure {
  id: string;
  label: string;
  unit: string;
  min: number;
  median: number;
  max: number;
  samples: number[];
  note?: string;
}

export function figure(id: string, label: string, unit: string, samples: number[], note?: string): Figure {
  if (samples.length === 0) throw new Error(`${id}: no samples`);
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { id, label, unit, min: sorted[0], median, max: sorted[sorted.length - 1], samples, ...(note ? { note } : {}) };
}

/** A fresh directory under bench/tmp, removed by the returned function. */
export function tempDir(tag: string): { dir: string; remove: () => void } {
  mkdirSync(TMP_ROOT, { recursive: true });
  const dir = mkdtempSync(join(TMP_ROOT, `${tag}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** `git rev-parse HEAD`, plus `-dirty` when the work tree has changes (anyone's: the tree is shared). */
export function gitCommit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const status = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8' });
    return status.trim() ? `${head}-dirty` : head;
  } catch {
    return 'unknown';
  }
}

export interface ChildResult {
  code: number | null;
  stdout: string;
  stderr: string;
  wallMs: number;
}

/** Runs a command to completion with stdin closed; wall-clock time measured from spawn to exit. */
export function runChild(command: string, args: string[], env: Record<string, string> = {}): Promise<ChildResult> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) =>
      resolvePromise({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), wallMs: performance.now() - started }),
    );
  });
}

/** Runs a bench script in a fresh `node bin/run-ts.js` process and parses the JSON it prints last. */
export async function runTsJson<T>(script: string, args: string[], env: Record<string, string> = {}): Promise<T & { wallMs: number }> {
  const result = await runChild(process.execPath, [join(ROOT, 'bin', 'run-ts.js'), script, ...args], env);
  if (result.code !== 0) throw new Error(`${script} ${args.join(' ')} exited ${result.code}: ${result.stderr.slice(-2000)}`);
  const lines = result.stdout.trim().split('\n');
  return { ...(JSON.parse(lines[lines.length - 1]) as T), wallMs: result.wallMs };
}

export const mb = (kilobytes: number) => kilobytes / 1024;

export function log(line: string) {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
}
