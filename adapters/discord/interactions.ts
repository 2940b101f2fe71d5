/**
 * Slash commands, buttons, the Comment form and autocomplete. Every interaction is claimed once by its id
 * (a gateway replay after RESUME re-delivers it; answering twice would fail anyway), answered privately
 * within Discord's 3 s, and its public posts go through Delivery to every bound channel on any platform.
 */
import {
  MessageFlags,
  type AutocompleteInteraction, type ButtonInteraction, type ChatInputCommandInteraction, type Interaction,
  type ModalSubmitInteraction, type RepliableInteraction,
} from 'discord.js';
import type { Plenary } from '../../src/plenary.ts';
import type { Log } from '../../src/log.ts';
import type { Delivery } from '../delivery.ts';
import { roleOf } from '../../src/roles.ts';
import { isUserError } from '../../src/errors.ts';
import { StoreUnavailableError } from '../../src/store/fact-store.ts';
import { errorView, notice, type CommandResult } from '../../src/views.ts';
import { execute, storeFailureReply } from '../../commands/execute.ts';
import { clip } from '../../src/text-rules.ts';
import { replyLanguage } from '../../src/languages.ts';
import { commandFor, optionValues } from './commands.ts';
import { COMMENT_FIELD, commentModal, parseCustomId, renderView, type DiscordMessage } from './render.ts';

/**
 * Past this, a still-running command is deferred ("thinking…", ephemeral) and finished with editReply.
 * Fast work (the usual case) is answered in one callback; slow work (store outage retries, a big digest)
 * never misses the 3 s window.
 */
const DEFER_AFTER_MS = 1200;
const MAX_AUTOCOMPLETE = 25;

export interface InteractionDeps {
  core: Plenary;
  delivery: Delivery;
  log: Log;
}

const who = (id: string) => `discord:${id}`;
const SNOWFLAKE = /^\d{1,25}$/;

/** Role ids the member holds: a cached GuildMember has a role manager, a raw API member a string array. */
function memberRoles(interaction: Interaction): string[] {
  const roles = interaction.member?.roles as unknown;
  if (Array.isArray(roles)) return roles.filter((id): id is string => typeof id === 'string');
  const cache = (roles as { cache?: Map<string, unknown> } | null | undefined)?.cache;
  return cache instanceof Map ? [...cache.keys()] : []; // anything else is no role at all
}

export class InteractionHandler {
  constructor(private readonly deps: InteractionDeps) {}

  async handle(interaction: Interaction): Promise<void> {
    const { core, log } = this.deps;
    try {
      if (!SNOWFLAKE.test(interaction.user?.id ?? '') || !SNOWFLAKE.test(interaction.channelId ?? '')) {
        // Not something Discord sends (a user and channel id are snowflakes): answer, but act on nothing.
        if (interaction.isRepliable()) {
          await interaction.reply({ content: '⚠️ This interaction arrived incomplete, so nothing was done: try again.', flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
        } else if (interaction.isAutocomplete()) await interaction.respond([]);
        return;
      }
      if (!(await core.firstDelivery('discord', interaction.id))) {
        log('debug', `interaction ${interaction.id} already handled (gateway replay)`);
        return;
      }
      if (interaction.isAutocomplete()) return await this.autocomplete(interaction);
      if (interaction.isChatInputCommand()) return await this.command(interaction);
      if (interaction.isButton()) return await this.button(interaction);
      if (interaction.isModalSubmit()) return await this.modal(interaction);
    } catch (error) {
      const outage = error instanceof StoreUnavailableError;
      log(outage ? 'warn' : 'error', 'handling a Discord interaction failed', error as Error);
      if (interaction.isRepliable() && !interaction.replied && !interaction.deferred) {
        const text = outage
          ? 'The store is unreachable right now, so nothing was recorded: try again in a few seconds.'
          : 'Something went wrong on our side and nothing was confirmed: try again in a moment.';
        await interaction.reply({ content: `⚠️ ${text}`, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } }).catch(() => {});
      }
    }
  }

  private async command(interaction: ChatInputCommandInteraction): Promise<void> {
    const command = commandFor(interaction.commandName, interaction.options.getSubcommand(false));
    const { core, log } = this.deps;
    await this.answer(interaction, async () => {
      if (!command) return { reply: errorView(`Unknown command /${clip(String(interaction.commandName), 32)}: run "plenary discord register" to refresh the commands.`) };
      const user = who(interaction.user.id);
      const ctx = {
        core, user, channel: who(interaction.channelId), platform: 'discord' as const,
        role: roleOf(core.config, user, memberRoles(interaction)),
        locale: await replyLanguage(core.store, user, core.config.conference.language, interaction.locale),
      };
      let options: Record<string, string | boolean>;
      try {
        options = optionValues(command, interaction.options);
      } catch {
        // An option of another type than we registered (stale or foreign command definitions).
        return { reply: errorView(`/${command.name} got an option of the wrong type: run "plenary discord register" to refresh the commands.`) };
      }
      return execute(command, options, ctx, log);
    });
  }

  private async button(interaction: ButtonInteraction): Promise<void> {
    const action = parseCustomId(interaction.customId);
    if (action?.action === 'comment') {
      // A form must be the first response, so no store work before it: the submit checks everything.
      await interaction.showModal(commentModal(action.sessionId, action.number));
      return;
    }
    await this.answer(interaction, async () => {
      if (action?.action !== 'react') return { reply: errorView('This button is not one of plenary\'s (anymore); use /react <code> <stance>.') };
      return this.guard(async () => {
        const { proposal, reaction } = await this.deps.core.react(who(interaction.user.id), action.sessionId, action.number, action.stance);
        const stance = reaction?.stance === 'neutral' ? 'are neutral on' : reaction?.stance;
        return { reply: notice(`You ${stance} ${proposal.code}.${reaction?.comment ? ' Your comment stays.' : ''}`) };
      });
    });
  }

  private async modal(interaction: ModalSubmitInteraction): Promise<void> {
    const action = parseCustomId(interaction.customId);
    await this.answer(interaction, async () => {
      if (action?.action !== 'comment-form') return { reply: errorView('This form is not one of plenary\'s; use /react <code> <stance> <comment>.') };
      let text = '';
      try {
        const value: unknown = interaction.fields.getTextInputValue(COMMENT_FIELD);
        if (typeof value !== 'string') throw new TypeError('not text');
        text = value;
      } catch {
        return { reply: errorView('This form is out of date (its comment field is missing): click Comment again.') };
      }
      return this.guard(async () => {
        const { proposal } = await this.deps.core.comment(who(interaction.user.id), action.sessionId, action.number, text);
        return { reply: notice(`Your comment on ${proposal.code} is saved (shown without your name).`) };
      });
    });
  }

  /** Refusals from the core become private one-line errors, like in execute(). */
  private async guard(work: () => Promise<CommandResult>): Promise<CommandResult> {
    try {
      return await work();
    } catch (error) {
      if (isUserError(error)) return { reply: errorView(error.message) };
      const storeReply = storeFailureReply(error, 'a Discord button or form', this.deps.log);
      if (storeReply) return { reply: errorView(storeReply) };
      this.deps.log('error', 'a Discord button or form failed', error as Error);
      return { reply: errorView('Something went wrong on our side and nothing was recorded: try again in a moment.') };
    }
  }

  /** Private reply (direct, or deferred then edited when slow), extra pieces as follow-ups, then posts. */
  private async answer(interaction: RepliableInteraction, work: () => Promise<CommandResult>): Promise<void> {
    let deferring: Promise<boolean> | undefined;
    const timer = setTimeout(() => {
      // Handled here: a failed defer must not surface as an unhandled rejection while work() runs.
      deferring = interaction.deferReply({ flags: MessageFlags.Ephemeral }).then(() => true, (error) => {
        this.deps.log('warn', 'deferring a Discord interaction failed', error as Error);
        return false;
      });
    }, DEFER_AFTER_MS);
    let result: CommandResult;
    let delivered: Promise<void> = Promise.resolve();
    try {
      result = await work();
      // Posts are durable before the caller hears "done": any process running their platform delivers them.
      const notify = { user: who(interaction.user.id), channel: who(interaction.channelId ?? '') };
      ({ delivered } = await this.deps.delivery.enqueue(this.deps.core, result.posts, notify, result.queued).catch((error) => {
        const text = storeFailureReply(error, 'queuing posts', this.deps.log) ?? 'Something went wrong on our side: try again in a moment.';
        result = { reply: errorView(`Done, but its posts could not be queued: ${text}`) };
        return { delivered: Promise.resolve() };
      }));
    } finally {
      clearTimeout(timer);
    }
    const [first, ...rest]: DiscordMessage[] = result.reply ? renderView(result.reply) : [{ content: 'Done.', allowedMentions: { parse: [] } }];
    if (deferring) {
      if (await deferring) await interaction.editReply(first);
    } else {
      await interaction.reply({ ...first, flags: MessageFlags.Ephemeral });
    }
    for (const message of rest) await interaction.followUp({ ...message, flags: MessageFlags.Ephemeral });
    await delivered;
  }

  /** Handles and codes from this channel's session; nothing (not an error) when there is none. */
  private async autocomplete(interaction: AutocompleteInteraction): Promise<void> {
    let choices: Array<{ name: string; value: string }> = [];
    try {
      choices = await this.choices(interaction);
    } catch (error) {
      if (error instanceof StoreUnavailableError) this.deps.log('warn', 'autocomplete without the store', error);
      else this.deps.log('debug', 'autocomplete on a malformed interaction', error as Error);
    }
    await interaction.respond(choices.slice(0, MAX_AUTOCOMPLETE)); // always answered, if only with nothing
  }

  private async choices(interaction: AutocompleteInteraction): Promise<Array<{ name: string; value: string }>> {
    const { core } = this.deps;
    const command = commandFor(interaction.commandName, interaction.options.getSubcommand(false));
    const focused = interaction.options.getFocused(true);
    const kind = command?.options.find((o) => o.name === focused.name)?.autocomplete;
    const query = String(focused.value ?? '').trim().toLowerCase();
    const session = kind ? await core.sessionInChannel(who(interaction.channelId)) : undefined;
    let choices: Array<{ name: string; value: string }> = [];
    if (session && kind === 'speaker') {
      const speakers = await core.speakers(session.id);
      choices = speakers
        .filter((s) => s.handle.includes(query) || s.name.toLowerCase().includes(query))
        .map((s) => ({ name: choiceName(`${s.handle} — ${s.name}${s.organisation ? `, ${s.organisation}` : ''}`), value: s.handle }));
      if (command?.name === 'priority post' && 'all'.startsWith(query)) choices.unshift({ name: 'all — every speaker', value: 'all' });
    } else if (session && kind === 'proposal') {
      const proposals = await core.activeProposals(session.id);
      choices = proposals
        .filter((p) => p.code.toLowerCase().startsWith(query) || p.speaker.includes(query) || p.text.toLowerCase().includes(query))
        .map((p) => ({ name: choiceName(`${p.code} · ${p.speaker}: ${p.text}`), value: p.code }));
    }
    return choices;
  }
}

/** Choice names are 1–100 characters. */
function choiceName(text: string): string {
  const points = [...text.replace(/\s+/g, ' ')];
  return points.length <= 100 ? points.join('') : `${points.slice(0, 99).join('')}…`;
}
