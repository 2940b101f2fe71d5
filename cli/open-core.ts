/** Opens the configured store and the core on it. */
import type { Environment, PlenaryConfig } from '../src/config.ts';
import { StartupError } from '../src/errors.ts';
import { maskUrlPasswords } from '../src/mask-url.ts';
import { Plenary } from '../src/plenary.ts';
import { openStore } from '../src/store/open-store.ts';
import { drainingStore } from './draining-store.ts';

/** A store that cannot be opened (unreachable, unreadable, not a database) is a StartupError naming PLENARY_STORE. */
export async function openCore(config: PlenaryConfig, env: Pick<Environment, 'store'>) {
  let opened;
  try {
    opened = await openStore(env.store);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new StartupError('cli.store.cannot-open', { store: maskUrlPasswords(env.store), reason: maskUrlPasswords(reason), variable: 'PLENARY_STORE' });
  }
  const store = drainingStore(opened);
  const core = new Plenary({ store, config });
  /**
   * Waits for commands under way (see draining-store.ts), then closes; false when the wait ran out. A one-shot
   * command that awaited its own work passes `idleMs` 0: it need not wait out the idle window of a server.
   */
  const close = async (idleMs?: number) => {
    const idle = await store.drained(idleMs);
    await store.close();
    return idle;
  };
  return { core, store, close };
}
