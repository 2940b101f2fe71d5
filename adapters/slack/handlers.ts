/**
 * What Slack sends us — slash commands, reaction events, button clicks, the comment form — turned into
 * core calls. Each handler acks first (Slack gives 3 s), then does the slow work in order; every
 * failure is caught and logged here, so no rejection escapes into Bolt.
 */
import type { App, RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Plenary } from '../../src/plenary.ts';
import type { Log } from '../../src/log.ts';
import type { Stance } from '../../src/model.ts';
import { roleOf } from '../../src/roles.ts';
import { isUserError } from '../../src/errors.ts';
import type { CommandResult, View } from '../../src/views.ts';
import { executeLine, storeFailureReply } from '../../commands/execute.ts';
import { REPLAY_CLAIM_MS } from '../../src/plenary.ts';
import { PlatformLocales, replyLanguage } from '../../src/languages.ts';
import type { Delivery } from '../delivery.ts';
import { escapeSlack as escapeText, unescapeSlack, type SlackMessage } from './blocks.ts';
import {
  ACTION, COMMENT_BLOCK, COMMENT_CALLBACK, COMMENT_INPUT, commentModal, parseActionValue, privateMessages,
  stanceConfirmation,
} from './render.ts';
import { freshCard } from './live-counts.ts';
import { shortcodesToEmoji } from './shortcodes.ts';

export interface HandlerDeps {
  core: Plenary;
  log: Log;
  delivery: Delivery;
  /** How long a command may run before we ack empty and send the reply via response_url instead. */
  replyWithinMs?: number;
}

const OOPS = 'Something went wrong on our side and nothing was confirmed: try again in a moment.';
const MALFORMED = 'This request from Slack was incomplete, so nothing was done: try the command again.';

/** Slack user, channel and team ids: upper-case letters and digits. Anything else is not from Slack. */
const isSlackId = (v: unknown): v is string => typeof v === 'string' && /^[A-Z0-9]{2,32}$/.test(v);

async function respondAll(respond: RespondFn, messages: SlackMessage[]) {
  for (const m of messages) await respond({ response_type: 'ephemeral', replace_original: false, text: m.text, blocks: m.blocks });
}

/** What a slash command handler gets from Bolt (and what tests construct directly). */
export interface SlashCommandArgs {
  command: { command: string; text?: string; user_id: string; channel_id: string; trigger_id?: string };
  ack: (response?: { response_type: 'ephemeral'; text: string; blocks: unknown[] }) => Promise<void>;
  respond: RespondFn;
  /** Bolt's client, for the caller's locale (users.info); seam tests may leave it out. */
  client?: WebClient;
}
export interface ReactionArgs { event: ReactionEvent; body: { event_id?: string }; client: WebClient }
export interface ActionArgs { ack: () => Promise<void>; body: unknown; action: unknown; client: WebClient }
export interface ViewArgs {
  ack: (response?: { response_action: 'errors'; errors: Record<string, string> }) => Promise<void>;
  body: { user: { id: string } };
  view: { id?: string; hash?: string; private_metadata: string; state: { values: Record<string, Record<string, { value?: string | null }>> } };
  client: WebClient;
}

/**
 * The inbound handlers as plain functions (the seam tests and fuzzers call without HTTP): each takes what
 * Bolt passes a listener, acks, answers, and never rejects.
 */
export function slackHandlers(deps: HandlerDeps) {
  const { core, log, delivery } = deps;
  const replyWithinMs = deps.replyWithinMs ?? 1500;
  // The caller's Slack language (users.info include_locale, needs users:read), cached per user.
  const slackLocales = new PlatformLocales();

  // Slash commands: `/session start …` arrives as command `/session`, text `start …` (with & < > escaped).
  async function slashCommand({ command, ack, respond, client }: SlashCommandArgs): Promise<void> {
    if (!isSlackId(command?.user_id) || !isSlackId(command.channel_id) || typeof command.command !== 'string' || (command.text != null && typeof command.text !== 'string')) {
      await ack({ response_type: 'ephemeral', text: `⚠ ${MALFORMED}`, blocks: [] }).catch((error) => log('warn', 'acking a malformed slash command failed', error));
      return;
    }
    const user = `slack:${command.user_id}`;
    const ctx = { core, user, channel: `slack:${command.channel_id}`, role: roleOf(core.config, user), platform: 'slack' as const };
    // Slack sends emoji in command text as `:shortcode:`; store them as the emoji people saw.
    const line = `${command.command} ${shortcodesToEmoji(unescapeSlack(command.text ?? ''))}`;
    let delivered: Promise<void> = Promise.resolve();
    const work = (async (): Promise<CommandResult> => {
      // A signed request replayed within Slack's signature window carries the same trigger_id: apply it once.
      if (typeof command.trigger_id === 'string' && command.trigger_id && !(await core.firstDelivery('slack-command', command.trigger_id, REPLAY_CLAIM_MS))) {
        return { reply: { kind: 'error', text: 'This command was already received once (the same request arrived again), so nothing more was done.' } };
      }
      const locale = await replyLanguage(core.store, user, core.config.conference.language, client && (await slackLocales.localeOf(command.user_id, async (id) => (await client.users.info({ user: id, include_locale: true })).user?.locale)));
      const result = await executeLine(line, { ...ctx, locale }, log);
      // Posts are durable before the caller hears "done": any Slack or Discord process delivers them.
      ({ delivered } = await delivery.enqueue(core, result.posts, { user, channel: ctx.channel }, result.queued));
      return { reply: result.reply };
    })().catch((error): CommandResult => {
      const text = storeFailureReply(error, command.command, log);
      if (!text) log('error', `${command.command} failed`, error);
      return { reply: { kind: 'error', text: text ?? OOPS } };
    });
    // Most commands finish in milliseconds: then the private reply rides on the ack itself.
    const late = Symbol('late');
    let timer: NodeJS.Timeout | undefined;
    const early = await Promise.race([work, new Promise<typeof late>((r) => (timer = setTimeout(() => r(late), replyWithinMs)))]);
    clearTimeout(timer);
    try {
      const result = early === late ? undefined : early;
      const messages = result?.reply ? privateMessages(result.reply) : [];
      const [first, ...rest] = messages;
      await ack(first ? { response_type: 'ephemeral', text: first.text, blocks: first.blocks } : undefined);
      const final = result ?? (await work);
      if (!result && final.reply) await respondAll(respond, privateMessages(final.reply));
      else if (rest.length) await respondAll(respond, rest);
      await delivered; // the posts go out from here (or from any other process running their platform)
    } catch (error) {
      log('error', `handling ${command.command} after the ack failed`, error);
    }
  }

  // Emoji on a proposal's message. Retries (X-Slack-Retry-Num, Socket Mode retry_attempt) carry the
  // same event_id: claiming it in the store applies each event once, even after later actions.
  const reaction = (added: boolean) =>
    async ({ event, body, client }: ReactionArgs): Promise<void> => {
      try {
        if (!isSlackId(event?.user) || typeof event.reaction !== 'string') return; // not a reaction Slack would send
        if (event.item?.type !== 'message' || !isSlackId(event.item.channel) || typeof event.item.ts !== 'string') return;
        const target = await core.proposalForMessage(`slack:${event.item.channel}:${event.item.ts}`);
        if (!target) return; // not one of our proposal messages
        if (typeof body?.event_id === 'string' && body.event_id && !(await core.firstDelivery('slack', body.event_id))) return;
        try {
          await core.emoji(`slack:${event.user}`, target.sessionId, target.number, event.reaction, added);
        } catch (error) {
          if (!isUserError(error)) throw error;
          await client.chat.postEphemeral({ channel: event.item.channel, user: event.user, text: escapeText(error.message) });
        }
      } catch (error) {
        log('error', `${added ? 'reaction_added' : 'reaction_removed'} failed`, error);
      }
    };

  // Support / Neutral / Oppose buttons. Slack can deliver the same click twice; action_ts + user + action
  // identifies one click.
  const stanceButton = (actionId: string, stance: Stance) =>
    async ({ ack, body, action, client }: ActionArgs): Promise<void> => {
      await ack();
      const click = clickOf(body, action);
      if (!click) return;
      try {
        if (!(await core.firstDelivery('slack-action', `${click.actionTs}:${click.user}:${actionId}`))) return;
        let text: string;
        try {
          const outcome = await core.react(`slack:${click.user}`, click.target.sessionId, click.target.number, stance);
          text = stanceConfirmation(stance, outcome.proposal.code);
        } catch (error) {
          const stored = storeFailureReply(error, `button ${actionId}`, log);
          if (!isUserError(error) && !stored) throw error;
          text = `:warning: ${isUserError(error) ? error.message : stored}`;
        }
        await client.chat.postEphemeral({ channel: click.channel, user: click.user, text: escapeText(text) });
      } catch (error) {
        log('error', `button ${actionId} failed`, error);
      }
    };

  // Comment button: a modal (trigger ids expire in 3 s, so it opens right after the ack).
  async function commentButton({ ack, body, action, client }: ActionArgs): Promise<void> {
    await ack();
    const click = clickOf(body, action);
    if (!click) return;
    try {
      const card = await freshCard(core, click.target.sessionId, click.target.number);
      if (!card || card.state !== 'open') {
        const why = card ? `${card.code} no longer takes comments (${card.state}).` : 'That proposal no longer exists.';
        await client.chat.postEphemeral({ channel: click.channel, user: click.user, text: escapeText(why) });
        return;
      }
      const metadata = JSON.stringify({ s: click.target.sessionId, n: click.target.number, c: click.channel });
      await client.views.open({ trigger_id: (body as { trigger_id: string }).trigger_id, view: commentModal(card, metadata) as never });
    } catch (error) {
      log('error', 'opening the comment form failed', error);
    }
  }

  // The comment form: refusals go back into the form (response_action: errors), nothing is stored.
  async function commentForm({ ack, body, view, client }: ViewArgs): Promise<void> {
    const user = body?.user?.id;
    let meta: { s: string; n: number; c: string } | undefined;
    try {
      meta = JSON.parse(view?.private_metadata);
    } catch {
      meta = undefined;
    }
    if (!isSlackId(user) || typeof meta?.s !== 'string' || !Number.isSafeInteger(meta.n) || !isSlackId(meta.c)) {
      await ack({ response_action: 'errors', errors: { [COMMENT_BLOCK]: 'This form is out of date: click Comment again.' } });
      return;
    }
    const input = view.state?.values?.[COMMENT_BLOCK]?.[COMMENT_INPUT]?.value;
    const text = typeof input === 'string' ? shortcodesToEmoji(input) : '';
    let code: string;
    try {
      // One submission is one view.id + hash: a replay of the same signed request is applied once.
      if (typeof view.id === 'string' && view.id && !(await core.firstDelivery('slack-form', `${view.id}:${view.hash ?? ''}`, REPLAY_CLAIM_MS))) {
        await ack();
        return;
      }
      code = (await core.comment(`slack:${user}`, meta.s, meta.n, text)).proposal.code;
    } catch (error) {
      const stored = storeFailureReply(error, 'comment submission', log);
      const message = isUserError(error) ? error.message : stored ?? OOPS;
      if (!isUserError(error) && !stored) log('error', 'comment submission failed', error);
      await ack({ response_action: 'errors', errors: { [COMMENT_BLOCK]: message } });
      return;
    }
    await ack();
    try {
      await client.chat.postEphemeral({ channel: meta.c, user, text: `Your comment on ${code} is recorded.` });
    } catch (error) {
      log('warn', 'comment confirmation failed', error);
    }
  }

  return { slashCommand, reaction, stanceButton, commentButton, commentForm };
}

export function registerHandlers(app: App, deps: HandlerDeps): void {
  const handlers = slackHandlers(deps);
  acknowledgeRateLimited(app, deps.log);
  // One listener for every command of the app, known or not: an unknown one (an old manifest, a typo in
  // the app's settings) gets a private line naming the closest command and /help instead of dispatch_failed.
  app.command(/^\/.+$/, (args) => handlers.slashCommand(args as never));
  app.event('reaction_added', handlers.reaction(true) as never);
  app.event('reaction_removed', handlers.reaction(false) as never);
  const stances: Array<[string, Stance]> = [[ACTION.support, 'support'], [ACTION.neutral, 'neutral'], [ACTION.oppose, 'oppose']];
  for (const [actionId, stance] of stances) app.action(actionId, handlers.stanceButton(actionId, stance) as never);
  app.action(ACTION.comment, handlers.commentButton as never);
  app.view(COMMENT_CALLBACK, handlers.commentForm as never);
}

/**
 * Slack sends `{"type":"app_rate_limited"}` when it dropped our events for a minute. Bolt has no type for it
 * (it would leave it unacknowledged: a 404 after 3 s), so it is acknowledged here and logged as a warning.
 */
function acknowledgeRateLimited(app: App, log: Log): void {
  const processEvent = app.processEvent.bind(app);
  app.processEvent = async (event) => {
    const body = event.body as { type?: unknown; minute_rate_limited?: unknown; team_id?: unknown };
    if (body?.type !== 'app_rate_limited') return processEvent(event);
    await event.ack();
    log('warn', `slack: app_rate_limited — Slack dropped events for team ${String(body.team_id)} in the minute starting ${String(body.minute_rate_limited)}`);
  };
}

export interface ReactionEvent {
  user: string;
  reaction: string;
  item?: { type?: string; channel?: string; ts?: string };
}

/** Who clicked which proposal's button, where; null for payloads we did not make. */
function clickOf(body: unknown, action: unknown) {
  const b = body as { user?: { id?: string }; channel?: { id?: string }; container?: { channel_id?: string } };
  const a = action as { value?: unknown; action_ts?: unknown } | null | undefined;
  const target = parseActionValue(typeof a?.value === 'string' ? a.value : undefined);
  const user = b?.user?.id;
  const channel = b?.channel?.id ?? b?.container?.channel_id;
  if (!target || !isSlackId(user) || !isSlackId(channel)) return null;
  return { target, user, channel, actionTs: typeof a?.action_ts === 'string' ? a.action_ts : '' };
}
