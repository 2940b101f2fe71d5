/**
 * What Slack sends us — slash commands, reaction events, button clicks, the comment form — turned into
 * core calls. Each handler acks first (Slack gives 3 s), then does the slow work in order; every
 * failure is caught and logged here, so no rejection escapes into Bolt.
 */
import type {
  AllMiddlewareArgs, App, BlockButtonAction, RespondFn, SlackActionMiddlewareArgs, SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction,
} from '@slack/bolt';
import type { Plenary } from '../../src/plenary.ts';
import type { Log } from '../../src/log.ts';
import type { Stance } from '../../src/model.ts';
import { logLine } from '../../src/wording/log-line.ts';
import type { InboundEvent } from '../../src/events.ts';
import { roleOf } from '../../src/roles.ts';
import { Refusal } from '../../src/errors.ts';
import type { CommandResult, View } from '../../src/views.ts';
import { failureView } from '../../commands/execute.ts';
import { dispatch } from '../../commands/dispatch.ts';
import { REPLAY_CLAIM_MS } from '../../src/plenary.ts';
import { PlatformLocales, replyLanguage } from '../../src/languages.ts';
import type { Delivery } from '../delivery.ts';
import { escapeSlack as escapeText, unescapeSlack, type SlackMessage } from './blocks.ts';
import { ACTION, COMMENT_BLOCK, COMMENT_CALLBACK, COMMENT_INPUT, commentModal, parseActionValue, privateMessages } from './render.ts';
import { freshCard } from './live-counts.ts';
import { shortcodesToEmoji } from './shortcodes.ts';
import { slackUserLocale } from './user-locale.ts';

export interface HandlerDeps {
  core: Plenary;
  log: Log;
  delivery: Delivery;
  /** How long a command may run before we ack empty and send the reply via response_url instead. */
  replyWithinMs?: number;
  /** The callers' Slack languages: shared with the workspace directory (locale-directory.ts) that primes it. */
  locales?: PlatformLocales;
}

/** Slack user, channel and team ids: upper-case letters and digits. Anything else is not from Slack. */
const isSlackId = (v: unknown): v is string => typeof v === 'string' && /^[A-Z0-9]{2,32}$/.test(v);

async function respondAll(respond: RespondFn, messages: SlackMessage[]) {
  for (const m of messages) await respond({ response_type: 'ephemeral', replace_original: false, text: m.text, blocks: m.blocks });
}

/** What each listener takes from Bolt's arguments (the tests and fuzzers pass just these). */
export type SlashCommandArgs = Pick<SlackCommandMiddlewareArgs, 'command' | 'ack' | 'respond'> & Partial<Pick<AllMiddlewareArgs, 'client'>>;
export type ReactionArgs = Pick<SlackEventMiddlewareArgs<'reaction_added' | 'reaction_removed'>, 'event' | 'body'> & Pick<AllMiddlewareArgs, 'client'>;
export type ActionArgs = Pick<SlackActionMiddlewareArgs<BlockButtonAction>, 'ack' | 'body' | 'action'> & Pick<AllMiddlewareArgs, 'client'>;
export type ViewArgs = Pick<SlackViewMiddlewareArgs<ViewSubmitAction>, 'ack' | 'body' | 'view'> & Pick<AllMiddlewareArgs, 'client'>;

/** The one line of an error reply, for places that show only text (an ephemeral, a form field). */
const lineOf = (view: View | undefined) => (view && 'text' in view ? view.text : '');

/**
 * The inbound handlers as plain functions (the seam tests and fuzzers call without HTTP): each checks the
 * payload, turns it into an event for the dispatcher, acks, answers, and never rejects.
 */
export function slackHandlers(deps: HandlerDeps) {
  const { core, log, delivery } = deps;
  const replyWithinMs = deps.replyWithinMs ?? 1500;
  // The caller's Slack language (users.list / users.info with include_locale, needs users:read), cached per user.
  const slackLocales = deps.locales ?? new PlatformLocales();
  const localeOf = (client: AllMiddlewareArgs['client'] | undefined, id: string) =>
    client ? slackLocales.localeOf(id, (user) => slackUserLocale(client, user)) : undefined;
  const actor = (id: string) => {
    const user = `slack:${id}`;
    return { actor: user, role: roleOf(core.config, user), platform: 'slack' as const };
  };

  // Slash commands: `/session start …` arrives as command `/session`, text `start …` (with & < > escaped).
  async function slashCommand({ command, ack, respond, client }: SlashCommandArgs): Promise<void> {
    if (!isSlackId(command?.user_id) || !isSlackId(command.channel_id) || typeof command.command !== 'string' || (command.text != null && typeof command.text !== 'string')) {
      const text = `⚠ ${new Refusal('refusal.slack.malformed').message}`;
      await ack({ response_type: 'ephemeral', text, blocks: [] }).catch((error) => log('warn', logLine('log.slack.ack-malformed-failed'), error));
      return;
    }
    // Slack sends emoji in command text as `:shortcode:`; store them as the emoji people saw.
    const line = `${command.command} ${shortcodesToEmoji(unescapeSlack(command.text ?? ''))}`;
    const channel = `slack:${command.channel_id}`;
    // A signed request replayed within Slack's signature window carries the same trigger_id: apply it once.
    const dedupe = typeof command.trigger_id === 'string' && command.trigger_id ? { scope: 'slack-command', key: command.trigger_id, ttlMs: REPLAY_CLAIM_MS } : undefined;
    const event: InboundEvent = { ...actor(command.user_id), channel, kind: 'command', line, dedupe };
    let delivered: Promise<void> = Promise.resolve();
    const work = (async (): Promise<CommandResult> => {
      // users.info only when the caller has no /lang, and while the replay claim commits (commands/dispatch.ts).
      const result = await dispatch(core, event, log, { platformLocale: () => localeOf(client, command.user_id) ?? Promise.resolve(undefined) });
      // Posts are durable before the caller hears "done": any Slack or Discord process delivers them.
      ({ delivered } = await delivery.enqueue(core, result.posts, { user: event.actor, channel, locale: result.locale }, result.queued));
      return { reply: result.reply, locale: result.locale };
    })().catch((error): CommandResult => ({ reply: failureView(error, command.command, log, event.locale) }));
    // Most commands finish in milliseconds: then the private reply rides on the ack itself.
    const late = Symbol('late');
    let timer: NodeJS.Timeout | undefined;
    const early = await Promise.race([work, new Promise<typeof late>((r) => (timer = setTimeout(() => r(late), replyWithinMs)))]);
    clearTimeout(timer);
    try {
      const result = early === late ? undefined : early;
      const messages = result?.reply ? privateMessages(result.reply, result.locale) : [];
      const [first, ...rest] = messages;
      await ack(first ? { response_type: 'ephemeral', text: first.text, blocks: first.blocks } : undefined);
      const final = result ?? (await work);
      if (!result && final.reply) await respondAll(respond, privateMessages(final.reply, final.locale));
      else if (rest.length) await respondAll(respond, rest);
      await delivered; // the posts go out from here (or from any other process running their platform)
    } catch (error) {
      log('error', logLine('log.slack.command-failed', { command: command.command }), error);
    }
  }

  // Emoji on a proposal's message. Retries (X-Slack-Retry-Num, Socket Mode retry_attempt) carry the
  // same event_id: claiming it in the store applies each event once, even after later actions.
  const reaction = (added: boolean) =>
    async ({ event, body, client }: ReactionArgs): Promise<void> => {
      try {
        if (!isSlackId(event?.user) || typeof event.reaction !== 'string') return; // not a reaction Slack would send
        const item: { type?: unknown; channel?: unknown; ts?: unknown } | undefined = event.item;
        if (item?.type !== 'message' || !isSlackId(item.channel) || typeof item.ts !== 'string') return;
        const target = await core.proposalForMessage(`slack:${item.channel}:${item.ts}`);
        if (!target) return; // not one of our proposal messages
        const eventId: unknown = body?.event_id;
        const dedupe = typeof eventId === 'string' && eventId ? { scope: 'slack', key: eventId } : undefined;
        const result = await dispatch(core, { ...actor(event.user), channel: `slack:${item.channel}`, kind: 'emoji', target, emoji: event.reaction, added, dedupe }, log);
        // An emoji that counted needs no answer (the card's counts change); a refusal or an outage does.
        if (result.reply?.kind === 'error') {
          await client.chat.postEphemeral({ channel: item.channel, user: event.user, text: escapeText(lineOf(result.reply)) });
        }
      } catch (error) {
        log('error', logLine('log.slack.event-failed', { event: added ? 'reaction_added' : 'reaction_removed' }), error);
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
        const dedupe = { scope: 'slack-action', key: `${click.actionTs}:${click.user}:${actionId}` };
        const result = await dispatch(core, { ...actor(click.user), channel: `slack:${click.channel}`, kind: 'stance', target: click.target, stance, dedupe }, log);
        if (result.duplicate || !result.reply) return;
        const text = result.reply.kind === 'error' ? `:warning: ${lineOf(result.reply)}` : lineOf(result.reply);
        await client.chat.postEphemeral({ channel: click.channel, user: click.user, text: escapeText(text) });
      } catch (error) {
        log('error', logLine('log.slack.button-failed', { action: actionId }), error);
      }
    };

  // Comment button: a modal (trigger ids expire in 3 s, so it opens right after the ack).
  async function commentButton({ ack, body, action, client }: ActionArgs): Promise<void> {
    await ack();
    const click = clickOf(body, action);
    if (!click) return;
    try {
      let card;
      try {
        card = await freshCard(core, click.target.sessionId, click.target.number);
      } catch (error) {
        // The clicker hears about an outage; the boundary logs it.
        const text = lineOf(failureView(error, logLine('log.doing.comment-form'), log));
        await client.chat.postEphemeral({ channel: click.channel, user: click.user, text: escapeText(text) });
        return;
      }
      if (!card || card.state !== 'open') {
        const refusal = card ? new Refusal('refusal.comment.closed', { code: card.code, state: card.state }) : new Refusal('refusal.proposal.gone');
        await client.chat.postEphemeral({ channel: click.channel, user: click.user, text: escapeText(refusal.message) });
        return;
      }
      const metadata = JSON.stringify({ s: click.target.sessionId, n: click.target.number, c: click.channel });
      // The form is private: the clicker's language (their /lang, else Slack's locale), within the trigger's 3 s.
      const locale = await replyLanguage(core.store, `slack:${click.user}`, core.config.conference.language, await localeOf(client, click.user)?.catch(() => undefined));
      await client.views.open({ trigger_id: body.trigger_id, view: commentModal(card, metadata, locale) });
    } catch (error) {
      log('error', logLine('log.slack.comment-form-failed'), error);
    }
  }

  // The comment form: refusals go back into the form (response_action: errors), nothing is stored.
  async function commentForm({ ack, body, view, client }: ViewArgs): Promise<void> {
    const user: unknown = body?.user?.id;
    let meta: { s?: unknown; n?: unknown; c?: unknown } | undefined;
    try {
      meta = JSON.parse(view?.private_metadata);
    } catch {
      meta = undefined;
    }
    if (!isSlackId(user) || typeof meta?.s !== 'string' || !Number.isSafeInteger(meta.n) || !isSlackId(meta.c)) {
      await ack({ response_action: 'errors', errors: { [COMMENT_BLOCK]: new Refusal('refusal.form.out-of-date').message } });
      return;
    }
    const channel = meta.c;
    const input: unknown = view.state?.values?.[COMMENT_BLOCK]?.[COMMENT_INPUT]?.value;
    const text = typeof input === 'string' ? shortcodesToEmoji(input) : '';
    // One submission is one view.id + hash: a replay of the same signed request is applied once.
    const dedupe = typeof view.id === 'string' && view.id ? { scope: 'slack-form', key: `${view.id}:${view.hash ?? ''}`, ttlMs: REPLAY_CLAIM_MS } : undefined;
    const target = { sessionId: meta.s, number: meta.n as number };
    const result = await dispatch(core, { ...actor(user), channel: `slack:${channel}`, kind: 'comment', target, text, dedupe }, log);
    if (result.reply?.kind === 'error') {
      await ack({ response_action: 'errors', errors: { [COMMENT_BLOCK]: lineOf(result.reply) } });
      return;
    }
    await ack();
    if (!result.reply) return; // a replay: answered the first time
    try {
      await client.chat.postEphemeral({ channel, user, text: escapeText(lineOf(result.reply)) });
    } catch (error) {
      log('warn', logLine('log.slack.comment-confirm-failed'), error);
    }
  }

  return { slashCommand, reaction, stanceButton, commentButton, commentForm };
}

export function registerHandlers(app: App, deps: HandlerDeps): void {
  const handlers = slackHandlers(deps);
  acknowledgeRateLimited(app, deps.log);
  // One listener for every command of the app, known or not: an unknown one (an old manifest, a typo in
  // the app's settings) gets a private line naming the closest command and /help instead of dispatch_failed.
  // Bolt runs every listener's matcher chain on every request, so each kind has one listener that routes by name.
  app.command(/^\/.+$/, handlers.slashCommand);
  const added = handlers.reaction(true);
  const removed = handlers.reaction(false);
  app.event(/^reaction_(added|removed)$/, (args) => (args.event.type === 'reaction_added' ? added : removed)(args as ReactionArgs));
  const buttons = new Map<string, (args: ActionArgs) => Promise<void>>([
    ...([[ACTION.support, 'support'], [ACTION.neutral, 'neutral'], [ACTION.oppose, 'oppose']] as Array<[string, Stance]>).map(
      ([actionId, stance]): [string, (args: ActionArgs) => Promise<void>] => [actionId, handlers.stanceButton(actionId, stance)],
    ),
    [ACTION.comment, handlers.commentButton],
  ]);
  const actionIds = new RegExp(`^(${[...buttons.keys()].join('|')})$`);
  app.action<BlockButtonAction>(actionIds, async (args) => {
    await buttons.get(args.action.action_id)?.(args);
  });
  app.view<ViewSubmitAction>(COMMENT_CALLBACK, handlers.commentForm);
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
    log('warn', logLine('log.slack.rate-limited', { event: 'app_rate_limited', team: String(body.team_id), minute: String(body.minute_rate_limited) }));
  };
}

/** Who clicked which proposal's button, where; null for payloads we did not make. */
function clickOf(body: BlockButtonAction, action: BlockButtonAction['actions'][number]) {
  const value: unknown = action?.value;
  const target = parseActionValue(typeof value === 'string' ? value : undefined);
  const user: unknown = body?.user?.id;
  const channel: unknown = body?.channel?.id ?? body?.container?.channel_id;
  const actionTs: unknown = action?.action_ts;
  if (!target || !isSlackId(user) || !isSlackId(channel)) return null;
  return { target, user, channel, actionTs: typeof actionTs === 'string' ? actionTs : '' };
}
