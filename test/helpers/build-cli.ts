/**
 * vitest globalSetup: compiles the current sources once per run (tsc -p tsconfig.build.json, a few seconds) into a
 * temporary copy of the package layout, so the tests' child processes start from JavaScript: a `plenary` child
 * from the build starts about three times faster than one through tsx, and the suite starts dozens of them.
 * The build runs beside the first test files instead of before them (tsc keeps one core busy for ~8 s, which on a
 * 2-core machine would otherwise be idle time for every worker): it writes BUILD_STATUS when done, and whoever needs
 * the build waits for that file (test/helpers/cli.ts). test/cli/build.test.ts checks this build;
 * PLENARY_TEST_TSX=1 makes the helpers run the sources through tsx.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The package copy holding dist/, bin/plenary.js, package.json and a node_modules link; '' when not built. */
    cliBuildDir: string;
  }
}

/** In the build's folder once tsc is done: `{ status, output }` (tsc's exit status and output). */
export const BUILD_STATUS = 'build-status.json';

const ROOT = resolve('.');

export default function setup(project: TestProject) {
  if (process.env.PLENARY_TEST_TSX === '1') {
    project.provide('cliBuildDir', '');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'plenary-test-build-'));
  mkdirSync(join(dir, 'bin'));
  copyFileSync(join(ROOT, 'bin', 'plenary.js'), join(dir, 'bin', 'plenary.js'));
  copyFileSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  // The product's own install-time build (tsc, then the screen's assets), into the copy.
  const tsc = spawn(process.execPath, [join(ROOT, 'bin', 'build.js'), join(dir, 'dist')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  tsc.stdout.setEncoding('utf8').on('data', (d: string) => (output += d));
  tsc.stderr.setEncoding('utf8').on('data', (d: string) => (output += d));
  const built = new Promise<void>((done) => {
    const finish = (status: number) => {
      // Written whole, then renamed: a reader never sees half a file.
      writeFileSync(join(dir, `${BUILD_STATUS}.tmp`), JSON.stringify({ status, output }));
      renameSync(join(dir, `${BUILD_STATUS}.tmp`), join(dir, BUILD_STATUS));
      done();
    };
    tsc.on('error', (error) => {
      output += String(error);
      finish(-1);
    });
    tsc.on('close', (code) => finish(code ?? -1));
  });
  project.provide('cliBuildDir', dir);
  return async () => {
    await built;
    rmSync(dir, { recursive: true, force: true });
  };
}
