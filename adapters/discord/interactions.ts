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
import { logLine } from '../../src/wording/log-line.ts';
import { roleOf } from '../../src/roles.ts';
import { Refusal } from '../../src/errors.ts';
import { failureView, storeFailure } from '../../commands/execute.ts';
import { dispatch, refuse, type Choice, type Dispatched } from '../../commands/dispatch.ts';
import { clip } from '../../src/text-rules.ts';
import { commandFor, optionValues } from './commands.ts';
import { COMMENT_FIELD, commentModal, parseCustomId, renderView, type DiscordMessage } from './render.ts';

/**
 * Past this, a still-running command is deferred ("thinking…", ephemeral) and finished with editReply.
 * Fast work (the usual case) is answered in one callback; slow work (store outage retries, a big digest)
 * never misses the 3 s window.
 */
const DEFER_AFTER_MS = 1200;

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

  /**
   * Who acts, with the role their member roles give them. Each interaction is claimed once by its id: a
   * gateway replay after RESUME re-delivers it, and answering twice would fail anyway.
   */
  private actor(interaction: Interaction) {
    const user = who(interaction.user.id);
    return {
      actor: user, channel: who(interaction.channelId ?? ''), role: roleOf(this.deps.core.config, user, memberRoles(interaction)),
      platform: 'discord' as const, dedupe: { scope: 'discord', key: interaction.id }, platformLocale: interaction.locale,
    };
  }

  async handle(interaction: Interaction): Promise<void> {
    const { log } = this.deps;
    try {
      if (!SNOWFLAKE.test(interaction.user?.id ?? '') || !SNOWFLAKE.test(interaction.channelId ?? '')) {
        // Not something Discord sends (a user and channel id are snowflakes): answer, but act on nothing.
        if (interaction.isRepliable()) {
          await interaction.reply({ content: `⚠️ ${new Refusal('refusal.discord.incomplete').message}`, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
        } else if (interaction.isAutocomplete()) await interaction.respond([]);
        return;
      }
      if (interaction.isAutocomplete()) return await this.autocomplete(interaction);
      if (interaction.isChatInputCommand()) return await this.command(interaction);
      if (interaction.isButton()) return await this.button(interaction);
      if (interaction.isModalSubmit()) return await this.modal(interaction);
    } catch (error) {
      const view = failureView(error, logLine('log.doing.discord-interaction'), log);
      if (interaction.isRepliable() && !interaction.replied && !interaction.deferred) {
        await interaction.reply({ content: `⚠️ ${view.kind === 'error' ? view.text : ''}`, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } }).catch(() => {});
      }
    }
  }

  private async command(interaction: ChatInputCommandInteraction): Promise<void> {
    const command = commandFor(interaction.commandName, interaction.options.getSubcommand(false));
    const { core, log } = this.deps;
    await this.answer(interaction, async () => {
      if (!command) return refuse(new Refusal('refusal.discord.unknown-command', { raw: clip(String(interaction.commandName), 32) }));
      let options: Record<string, string | boolean>;
      try {
        options = optionValues(command, interaction.options);
      } catch {
        // An option of another type than we registered (stale or foreign command definitions).
        return refuse(new Refusal('refusal.discord.option-type', { command: command.name }));
      }
      return dispatch(core, { ...this.actor(interaction), kind: 'command', name: command.name, options }, log);
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
      if (action?.action !== 'react') return refuse(new Refusal('refusal.button.foreign'));
      const target = { sessionId: action.sessionId, number: action.number };
      return dispatch(this.deps.core, { ...this.actor(interaction), kind: 'stance', target, stance: action.stance }, this.deps.log);
    });
  }

  private async modal(interaction: ModalSubmitInteraction): Promise<void> {
    const action = parseCustomId(interaction.customId);
    await this.answer(interaction, async () => {
      if (action?.action !== 'comment-form') return refuse(new Refusal('refusal.form.foreign'));
      let text = '';
      try {
        const value: unknown = interaction.fields.getTextInputValue(COMMENT_FIELD);
        if (typeof value !== 'string') throw new TypeError('not text');
        text = value;
      } catch {
        return refuse(new Refusal('refusal.form.field-missing'));
      }
      const target = { sessionId: action.sessionId, number: action.number };
      return dispatch(this.deps.core, { ...this.actor(interaction), kind: 'comment', target, text }, this.deps.log);
    });
  }

  /** Private reply (direct, or deferred then edited when slow), extra pieces as follow-ups, then posts. */
  private async answer(interaction: RepliableInteraction, work: () => Promise<Dispatched>): Promise<void> {
    let deferring: Promise<boolean> | undefined;
    const timer = setTimeout(() => {
      // Handled here: a failed defer must not surface as an unhandled rejection while work() runs.
      deferring = interaction.deferReply({ flags: MessageFlags.Ephemeral }).then(() => true, (error) => {
        this.deps.log('warn', logLine('log.discord.defer-failed'), error as Error);
        return false;
      });
    }, DEFER_AFTER_MS);
    let result: Dispatched;
    let delivered: Promise<void> = Promise.resolve();
    try {
      result = await work();
      if (result.duplicate) {
        this.deps.log('debug', logLine('log.discord.interaction-replayed', { id: interaction.id }));
        return;
      }
      // Posts are durable before the caller hears "done": any process running their platform delivers them.
      const notify = { user: who(interaction.user.id), channel: who(interaction.channelId ?? '') };
      ({ delivered } = await this.deps.delivery.enqueue(this.deps.core, result.posts, notify, result.queued).catch((error) => {
        const stored = storeFailure(error, logLine('log.doing.queuing-posts'), this.deps.log);
        result = refuse(stored ?? new Refusal('refusal.posts.unqueued'));
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
    let choices: Choice[] = [];
    try {
      const command = commandFor(interaction.commandName, interaction.options.getSubcommand(false));
      const focused = interaction.options.getFocused(true);
      const kind = command?.options.find((o) => o.name === focused.name)?.autocomplete;
      if (kind) {
        const event = { ...this.actor(interaction), dedupe: undefined, kind: 'autocomplete' as const, choices: kind, query: String(focused.value ?? ''), withAll: command?.name === 'priority post' };
        choices = (await dispatch(this.deps.core, event, this.deps.log)).choices ?? [];
      }
    } catch (error) {
      this.deps.log('debug', logLine('log.discord.autocomplete-malformed'), error as Error);
    }
    await interaction.respond(choices); // always answered, if only with nothing
  }
}
