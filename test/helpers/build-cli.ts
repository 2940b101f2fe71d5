/**
 * vitest globalSetup: compiles the current sources once per run (tsc -p tsconfig.build.json, a few seconds) into a
 * temporary copy of the package layout, so the tests' child processes start from JavaScript: a `plenary` child
 * from the build starts about three times faster than one through tsx, and the suite starts dozens of them.
 * test/cli/build.test.ts checks this build; PLENARY_TEST_TSX=1 makes the helpers run the sources through tsx.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The package copy holding dist/, bin/plenary.js, package.json and a node_modules link; '' when not built. */
    cliBuildDir: string;
    /** tsc's exit status and output, for the build test to assert. */
    cliBuildStatus: number;
    cliBuildOutput: string;
  }
}

const ROOT = resolve('.');

export default function setup(project: TestProject) {
  if (process.env.PLENARY_TEST_TSX === '1') {
    project.provide('cliBuildDir', '');
    project.provide('cliBuildStatus', 0);
    project.provide('cliBuildOutput', '');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'plenary-test-build-'));
  mkdirSync(join(dir, 'bin'));
  copyFileSync(join(ROOT, 'bin', 'plenary.js'), join(dir, 'bin', 'plenary.js'));
  copyFileSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  // The product's own install-time build (tsc, then the screen's assets), into the copy.
  const tsc = spawnSync(process.execPath, [join(ROOT, 'bin', 'build.js'), join(dir, 'dist')], { encoding: 'utf8' });
  project.provide('cliBuildDir', dir);
  project.provide('cliBuildStatus', tsc.status ?? -1);
  project.provide('cliBuildOutput', `${tsc.stdout}${tsc.stderr}`);
  return () => rmSync(dir, { recursive: true, force: true });
}
