/** Opens the configured store and the core on it. */
import type { Environment, PlenaryConfig } from '../src/config.ts';
import { Plenary } from '../src/plenary.ts';
import { openStore } from '../src/store/open-store.ts';

export async function openCore(config: PlenaryConfig, env: Pick<Environment, 'store'>) {
  const store = await openStore(env.store);
  const core = new Plenary({ store, config });
  return { core, store, close: () => store.close() };
}
