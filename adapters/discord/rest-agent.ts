/**
 * discord.js's HTTP agent, from the very undici its REST client was built against. undici's first copy to load
 * becomes the process-wide dispatcher, and Bolt brings undici 7 (for Socket Mode) while @discordjs/rest speaks
 * undici 6: in a process running Slack and Discord, Slack loads first, and every Discord attachment (summaries
 * and digests as files) then failed with "action is not a function". An explicit agent keeps Discord's requests
 * on its own undici whatever loaded first (test/discord/undici-order.test.ts).
 */
import { createRequire } from 'node:module';
import type { RESTOptions } from 'discord.js';

type Agent = NonNullable<RESTOptions['agent']>;

const require = createRequire(import.meta.url);

export function discordAgent(): Agent {
  const undici = require(require.resolve('undici', { paths: [require.resolve('@discordjs/rest')] })) as { Agent: new () => Agent };
  return new undici.Agent();
}
