/**
 * Discord over the gateway with discord.js. Only non-privileged intents: Guilds (channels, roles, the
 * cache interactions need) and GuildMessageReactions (emoji votes). Commands are slash commands, so the
 * privileged Message Content intent is never needed. Partials make reactions on messages the bot has
 * not cached (posted before a restart) arrive at all.
 */
import { Client, Events, GatewayIntentBits, Partials } from 'discord.js';
import type { Plenary } from '../../src/plenary.ts';
import type { Environment } from '../../src/config.ts';
import { logLine } from '../../src/wording/log-line.ts';
import type { Log } from '../../src/log.ts';
import type { Delivery } from '../delivery.ts';
import { InteractionHandler } from './interactions.ts';
import { discordLivePort } from './live-counts.ts';
import { discordPoster } from './poster.ts';
import { ReactionHandler } from './reactions.ts';
import { registerCommands, restBase } from './register.ts';
import { NO_MENTIONS } from './render.ts';
import { StartupError } from '../../src/errors.ts';
import { discordAgent } from './rest-agent.ts';

export interface DiscordStartOptions {
  core: Plenary;
  env: Pick<Environment, 'discord'>;
  log: Log;
  delivery: Delivery;
  /** Live-count edit spacing per message (tests only; Discord's default budget wants ≥ 1 s). */
  editIntervalMs?: number;
  /** First wait before retrying a transient REST failure of a post (tests only; default 0.5 s, doubling). */
  retryBackoffMs?: number;
}

/** Connects, registers the Discord poster and (with DISCORD_GUILD_ID) the guild's commands; resolves once ready. */
export async function startDiscord({ core, env, log, delivery, editIntervalMs, retryBackoffMs }: DiscordStartOptions): Promise<() => Promise<void>> {
  const discord = env.discord;
  if (!discord) throw new StartupError('cli.discord.needs', { token: 'DISCORD_TOKEN', application: 'DISCORD_APPLICATION_ID' });
  const api = restBase(discord.apiUrl);
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessageReactions],
    partials: [Partials.Message, Partials.Channel, Partials.Reaction, Partials.User],
    allowedMentions: NO_MENTIONS, // the default for every send, reply and edit; payloads repeat it anyway
    rest: { ...(api ? { api } : {}), agent: discordAgent() },
  });

  const live = delivery.live(core);
  const interactions = new InteractionHandler({ core, delivery, log });
  const reactions = new ReactionHandler(core, () => client.user?.id, log);

  client.on(Events.Raw, (packet) => reactions.tap(packet));
  client.on(Events.InteractionCreate, (interaction) => void interactions.handle(interaction));
  client.on(Events.MessageReactionAdd, (reaction, user) => void reactions.handle(reaction, user, true));
  client.on(Events.MessageReactionRemove, (reaction, user) => void reactions.handle(reaction, user, false));
  client.on(Events.Error, (error) => log('error', logLine('log.discord.client-error'), error));
  client.on(Events.ShardError, (error) => log('warn', logLine('log.discord.gateway-error'), error));
  client.on(Events.ShardResume, (_id, replayed) => log('info', logLine('log.discord.resumed', { count: replayed })));
  const unsubscribe = live.register(discordLivePort(client, log, editIntervalMs, core.config.conference.language));

  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  try {
    await client.login(discord.token);
    await ready;
  } catch (error) {
    unsubscribe();
    await client.destroy();
    const e = error as { code?: unknown; status?: unknown };
    if (e?.code === 'TokenInvalid' || e?.status === 401 || e?.code === 4004) {
      throw new StartupError('cli.discord.token-rejected', { token: 'DISCORD_TOKEN' });
    }
    throw error;
  }
  // Only once connected: the outbox pump starts delivering Discord posts from here.
  delivery.register(discordPoster(core, client, live, log, retryBackoffMs), core);
  log('info', logLine(client.user ? 'log.discord.connected' : 'log.discord.connected.unnamed', { tag: client.user?.tag ?? '', count: client.guilds.cache.size }));

  if (discord.guildId) {
    try {
      const count = await registerCommands(discord, core.config, discord.guildId, client.rest);
      log('info', logLine('log.discord.registered', { count, guild: discord.guildId }));
    } catch (error) {
      log('warn', logLine('log.discord.register-failed', { guild: discord.guildId, command: 'plenary discord register' }), error as Error);
    }
  }

  return async () => {
    await delivery.stop();
    await live.idle(); // the last counts land
    unsubscribe();
    await client.destroy();
  };
}
