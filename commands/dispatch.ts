/**
 * The one way in: every inbound event, from any platform, goes dedupe → role → validation → core →
 * error boundary → `{reply, posts}` here. Adapters only translate payloads into events (src/events.ts)
 * and results into platform messages; none calls a core write itself.
 */
import type { Plenary } from '../src/plenary.ts';
import type { InboundEvent, ProposalTarget } from '../src/events.ts';
import { Refusal } from '../src/errors.ts';
import { logLine } from '../src/wording/log-line.ts';
import { parseCode } from '../src/text-rules.ts';
import { emojiStance } from '../src/stances.ts';
import { keys } from '../src/keys.ts';
import type { Reaction } from '../src/model.ts';
import { STANCE_EMOJI } from '../src/view-text.ts';
import { notice, type CommandResult } from '../src/views.ts';
import { negotiate, say, type Locale } from '../src/wording/say.ts';
import type { ReactionOutcome } from '../src/plenary.ts';
import { execute, executeLine, failureView, refusalView, resolveCommand, type Logger } from './execute.ts';
import { findCommand } from './registry.ts';
import { chosenLanguage } from '../src/languages.ts';
import type { CommandContext } from './command.ts';

export interface Choice { name: string; value: string }

export interface Dispatched extends CommandResult {
  /** The dedupe key was already claimed: a retry or replay, and nothing was done. */
  duplicate?: true;
  /** For autocomplete: what to offer (empty when there is nothing, or the store is away). */
  choices?: Choice[];
}

const MAX_CHOICES = 25;

export interface DispatchOptions {
  /**
   * Asks the platform for the caller's locale (Slack's users.info): called only when the caller chose no
   * language with /lang, and while the dedupe claim commits, so the round trip adds no wait of its own.
   */
  platformLocale?: () => Promise<string | undefined>;
}

export async function dispatch(core: Plenary, given: InboundEvent, log: Logger = () => {}, options: DispatchOptions = {}): Promise<Dispatched> {
  // The claim is a durable write: started first, its commit overlaps the language look-ups.
  const claim = given.dedupe ? core.firstDelivery(given.dedupe.scope, given.dedupe.key, given.dedupe.ttlMs) : undefined;
  claim?.catch(() => {}); // awaited in the try below; meanwhile a rejection is not "unhandled"
  const localeSoon = given.locale ? Promise.resolve(given.locale) : languageOf(core, given, options);
  let event = given;
  try {
    if (given.dedupe && !(await claim)) {
      log('debug', logLine(given.kind === 'command' ? 'log.dispatch.command-replayed' : 'log.dispatch.event-replayed', { kind: given.kind, scope: given.dedupe.scope, key: given.dedupe.key }));
      if (given.kind !== 'command') return { duplicate: true };
      return { duplicate: true, reply: { kind: 'error', text: say('reply.command.duplicate', {}, await localeSoon) } };
    }
    if (given.kind === 'command' && 'line' in given && writesFirst(given.line)) {
      // Its commit runs while the caller's language is still being looked up; it waits for it only to answer.
      return await executeLine(given.line, { core, user: given.actor, channel: given.channel, role: given.role, localeSoon }, log);
    }
    event = { ...given, locale: await localeSoon };
    const ctx: CommandContext = {
      core, user: event.actor, channel: event.channel, role: event.role, locale: event.locale,
    };
    switch (event.kind) {
      case 'command': {
        if ('line' in event) return await executeLine(event.line, ctx, log);
        const command = findCommand(event.name);
        if (!command) throw new Refusal('refusal.command.unknown', { raw: event.name, guess: 'help' });
        return await execute(command, event.options, ctx, log);
      }
      case 'stance': {
        const outcome = await core.react(event.actor, event.target.sessionId, event.target.number, event.stance);
        return { reply: notice(stanceReply(outcome, event.locale)) };
      }
      case 'comment': {
        const { proposal } = await core.comment(event.actor, event.target.sessionId, event.target.number, event.text);
        return { reply: notice(say('reply.comment.recorded', { code: proposal.code }, event.locale)) };
      }
      case 'emoji': {
        const target = await targetOf(core, event.channel, event.target);
        const outcome = await core.emoji(event.actor, target.sessionId, target.number, event.emoji, event.added);
        // An emoji that means nothing here, or a removal that no longer applies: nothing to say.
        return outcome ? { reply: notice(stanceReply(outcome, event.locale)) } : {};
      }
      case 'emoji-cleared': {
        const stance = event.emoji ? emojiStance(event.emoji) : null;
        const rows = await core.store.scan<Reaction>(keys.reactionsOfProposal(event.target.sessionId, event.target.number));
        for (const [key, reaction] of rows) {
          const user = key.split(':').slice(3).join(':');
          if (!user.startsWith(event.actors) || reaction.via !== 'emoji' || !reaction.stance) continue;
          if (stance && reaction.stance !== stance) continue;
          await core.emoji(user, event.target.sessionId, event.target.number, event.emoji ?? STANCE_EMOJI[reaction.stance], false);
        }
        return {};
      }
      case 'autocomplete':
        return { choices: await choices(core, event.channel, event.choices, event.query, event.withAll) };
    }
  } catch (error) {
    // Autocomplete has no place for an error line: it offers nothing.
    if (event.kind === 'autocomplete') {
      log('warn', logLine('log.dispatch.autocomplete-failed'), error);
      return { choices: [] };
    }
    return { reply: failureView(error, given.kind === 'command' ? logLine('log.doing.command') : logLine('log.doing.event', { kind: given.kind }), log, await localeSoon) };
  }
}

/** Commands that write before they word their answer (/react, the hot path: commands/react.ts awaits `localeSoon`). */
const WRITES_FIRST = new Set(['react']);

function writesFirst(line: string): boolean {
  try {
    return WRITES_FIRST.has(resolveCommand(line).command.name);
  } catch {
    return false; // the usual path words the refusal
  }
}

/** The caller's language: their /lang, else the platform's locale, else the conference language. */
async function languageOf(core: Plenary, event: InboundEvent, options: DispatchOptions): Promise<Locale> {
  // A store that cannot be read leaves the platform's say; a failed look-up, the conference language.
  const chosen = await chosenLanguage(core.store, event.actor).catch(() => undefined);
  if (chosen) return chosen;
  const platformLocale = options.platformLocale ? await options.platformLocale().catch(() => undefined) : event.platformLocale;
  return negotiate(platformLocale, core.config.conference.language);
}

/** A refusal as a result (for adapters refusing a payload before it becomes an event). */
export const refuse = (refusal: Refusal, locale?: InboundEvent['locale']): Dispatched => ({ reply: refusalView(refusal, locale) });

function stanceReply({ proposal, reaction }: ReactionOutcome, locale: InboundEvent['locale']): string {
  if (!reaction?.stance) return say('reply.stance.cleared', { code: proposal.code }, locale);
  return say('reply.stance.set', { stance: reaction.stance, code: proposal.code, commentKept: reaction.comment ? 'yes' : 'no' }, locale);
}

async function targetOf(core: Plenary, channel: string, target: ProposalTarget | { code: string }): Promise<ProposalTarget> {
  if ('sessionId' in target) return target;
  const session = await core.requireSession(channel);
  return { sessionId: session.id, number: parseCode(target.code) };
}

async function choices(core: Plenary, channel: string, kind: 'speaker' | 'proposal', rawQuery: string, withAll = false): Promise<Choice[]> {
  const query = rawQuery.trim().toLowerCase();
  const session = await core.sessionInChannel(channel);
  if (!session) return [];
  let found: Choice[];
  if (kind === 'speaker') {
    const speakers = await core.speakers(session.id);
    found = speakers
      .filter((s) => s.handle.includes(query) || s.name.toLowerCase().includes(query))
      .map((s) => ({ name: choiceName(`${s.handle} — ${s.name}${s.organisation ? `, ${s.organisation}` : ''}`), value: s.handle }));
    if (withAll && 'all'.startsWith(query)) found.unshift({ name: 'all — every speaker', value: 'all' });
  } else {
    const proposals = await core.activeProposals(session.id);
    found = proposals
      .filter((p) => p.code.toLowerCase().startsWith(query) || p.speaker.includes(query) || p.text.toLowerCase().includes(query))
      .map((p) => ({ name: choiceName(`${p.code} · ${p.speaker}: ${p.text}`), value: p.code }));
  }
  return found.slice(0, MAX_CHOICES);
}

/** Choice names are 1–100 characters. */
function choiceName(text: string): string {
  const points = [...text.replace(/\s+/g, ' ')];
  return points.length <= 100 ? points.join('') : `${points.slice(0, 99).join('')}…`;
}
