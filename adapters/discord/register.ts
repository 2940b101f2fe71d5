/**
 * `plenary discord register [--guild <id>]` and the registration at start: one bulk overwrite (PUT), so
 * commands removed from the registry disappear from Discord too and ids of unchanged ones are kept.
 * Guild commands update instantly (good for a conference server); global ones can take up to an hour.
 */
import { discordDescriptions } from '../../src/wording/discord-locales.ts';
import { REST, Routes } from 'discord.js';
import type { Environment, PlenaryConfig } from '../../src/config.ts';
import { commandDefinitions } from './commands.ts';
import { discordAgent } from './rest-agent.ts';

type DiscordEnv = NonNullable<Environment['discord']>;

/** discord.js appends `/v10/…` itself; accept `https://host/api` with or without a version or slash. */
export function restBase(apiUrl: string | undefined): string | undefined {
  return apiUrl?.replace(/\/+$/, '').replace(/\/v\d+$/, '');
}

/** Registers every command; returns how many Discord now holds. Pass `rest` to reuse a logged-in client's. */
export async function registerCommands(
  discord: Pick<DiscordEnv, 'token' | 'applicationId' | 'apiUrl'>,
  config: PlenaryConfig,
  guildId?: string,
  rest?: REST,
): Promise<number> {
  const api = rest ?? new REST({ ...(discord.apiUrl ? { api: restBase(discord.apiUrl) } : {}), agent: discordAgent() }).setToken(discord.token);
  const route = guildId ? Routes.applicationGuildCommands(discord.applicationId, guildId) : Routes.applicationCommands(discord.applicationId);
  const saved = (await api.put(route, { body: commandDefinitions(config, discordDescriptions) })) as unknown[];
  return saved.length;
}
