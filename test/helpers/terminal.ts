/** A panel in memory, driven through the real terminal adapter, with its output captured. */
import { openStore } from '../../src/store/open-store.ts';
import { parseConfig } from '../../src/config.ts';
import { Plenary } from '../../src/plenary.ts';
import { ConsoleAdapter } from '../../adapters/console/console-adapter.ts';
import { formatDigest } from '../../src/digest-format.ts';

export const TEST_CONFIG = {
  conference: { name: 'Test Conference', timezone: 'Asia/Shanghai' },
  roles: { organisers: ['console:org'], moderators: ['console:mod'] },
};

export async function terminalPanel(config: unknown = TEST_CONFIG, now = () => new Date('2026-11-28T02:00:00Z')) {
  const store = await openStore('memory://');
  const core = new Plenary({ store, config: parseConfig(config), clock: now });
  const output: string[] = [];
  const terminal = new ConsoleAdapter({ core, write: (line) => output.push(line) });
  /** Runs lines and returns only what they printed. */
  const run = async (...lines: string[]) => {
    const start = output.length;
    for (const line of lines) await terminal.handleLine(line);
    return output.slice(start);
  };
  const digestJson = async (date = '2026-11-28') => JSON.parse(formatDigest(await core.summaries.digest(date), 'json'));
  return { store, core, terminal, output, run, digestJson, close: () => store.close() };
}
