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

/** A terminal on `core` whose output is kept; `run` handles lines and returns only what they printed. */
export function recordingTerminal(core: Plenary) {
  const output: string[] = [];
  const terminal = new ConsoleAdapter({ core, write: (line) => output.push(line) });
  const run = async (...lines: string[]) => {
    const start = output.length;
    for (const line of lines) await terminal.handleLine(line);
    return output.slice(start);
  };
  return { terminal, output, run };
}

export async function terminalPanel(config: unknown = TEST_CONFIG, now = () => new Date('2026-11-28T02:00:00Z')) {
  const store = await openStore('memory://');
  const core = new Plenary({ store, config: parseConfig(config), clock: now });
  const { terminal, output, run } = recordingTerminal(core);
  const digestJson = async (date = '2026-11-28') => JSON.parse(formatDigest(await core.summaries.digest(date), 'json'));
  return { store, core, terminal, output, run, digestJson, close: () => store.close() };
}
