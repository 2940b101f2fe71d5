/**
 * What any platform hands the core, once its payload is checked: one shape per kind of act, whatever
 * the platform. Adapters build these; commands/dispatch.ts is the only thing that acts on them.
 */
import type { Locale } from './wording/say.ts';
import type { Role } from './roles.ts';
import type { Stance } from './model.ts';

/** Claims the platform's delivery id once, so a retry or replay is applied once. */
export interface DedupeKey {
  scope: string;
  key: string;
  /** How long the claim lasts (default: the core's event window). */
  ttlMs?: number;
}

/** A proposal a button, form or message points at. */
export interface ProposalTarget {
  sessionId: string;
  number: number;
}

interface EventBase {
  /** `slack:U…`, `discord:…`, `console:alice`. */
  actor: string;
  /** Where it happened: `slack:C…`, `discord:…`, `console:…`. */
  channel: string;
  role: Role;
  locale?: Locale;
  /** The platform's own locale tag (Discord's interaction.locale, Slack's user locale), when known. */
  platformLocale?: string;
  dedupe?: DedupeKey;
  platform: 'slack' | 'discord' | 'console';
}

/** A command: a typed line (`/react P1 support`) or a command name with options already separated. */
export type CommandEvent = EventBase & (
  | { kind: 'command'; line: string }
  | { kind: 'command'; name: string; options: Record<string, unknown> }
);
export type StanceEvent = EventBase & { kind: 'stance'; target: ProposalTarget; stance: Stance };
export type CommentEvent = EventBase & { kind: 'comment'; target: ProposalTarget; text: string };
/** An emoji put on or taken off a proposal's message (`target` absent: look it up by code in the channel). */
export type EmojiEvent = EventBase & { kind: 'emoji'; target: ProposalTarget | { code: string }; emoji: string; added: boolean };
/**
 * A moderator cleared a message's reactions (all, or one emoji) and the platform does not say whose: every
 * emoji-made stance of `actors` (a user-id prefix such as `discord:`) on it is removed, as if each took it off.
 */
export type EmojiClearedEvent = EventBase & { kind: 'emoji-cleared'; target: ProposalTarget; emoji?: string; actors: string };
/** Someone typing an option that offers choices: handles or proposal codes of the channel's session. */
export type AutocompleteEvent = EventBase & { kind: 'autocomplete'; choices: 'speaker' | 'proposal'; query: string; withAll?: boolean };

export type InboundEvent = CommandEvent | StanceEvent | CommentEvent | EmojiEvent | EmojiClearedEvent | AutocompleteEvent;
