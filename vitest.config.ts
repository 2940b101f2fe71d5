import { defineConfig } from 'vitest/config';

/**
 * Tests that spend their time on many real processes, kill -9 or long real-time waits. `npm test` leaves them
 * out to stay under 90 s; `.ci/run` sets CI_EXTENDED=1 and runs them with everything else (never skipped there).
 */
const EXTENDED = [
  'test/scale/slack-two-processes.test.ts',
  'test/cli/digest-schedule-processes.test.ts',
  'test/faults/redis-two-processes.test.ts',
  'test/faults/redis-terminal.test.ts',
  'test/store/kill-durability.test.ts',
];
const extended = process.env.CI_EXTENDED === '1';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/.git/**', ...(extended ? [] : EXTENDED)],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // One module graph per worker, not per file: Bolt, discord.js and the core are imported once per worker (the
    // summed import time fell from 177 s to 57 s, a run's CPU from 192 s to 133 s). A file that changes module
    // state (a registered catalogue, the screen's port) puts it back when done, since later files share it.
    // The extended run (CI, one worker for everything, outside the 90 s) keeps a fresh process per file.
    isolate: extended,
    // One build of the current sources per run, for the tests' `plenary` child processes (see the file).
    globalSetup: ['test/helpers/build-cli.ts'],
    // Which HTTP dispatcher a process shares, when one process runs many files (see the file).
    setupFiles: ['test/helpers/undici-first.ts'],
    // Most files wait on sockets, timers and child processes rather than the CPU: on a 2-core machine vitest's
    // default (cores − 1 = one file at a time) leaves the CPU idle. Four at once overlap the waiting (112 s against 144 s with three, measured on a quiet 2-core machine). The
    // extended run (CI) stays one file at a time: its process-heavy tests start several bots against deadlines.
    maxWorkers: Number(process.env.VITEST_MAX_WORKERS ?? (extended ? 1 : 4)),
    // CI reads the JSON report to print "N passed, N failed".
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.ci/vitest.json' }]] : ['default'],
  },
});
