/**
 * The key layout of the store. Each fact has its own key, so concurrent writers never overwrite
 * each other's facts:
 *
 *   session:<sid>                         the session record (only moderators rewrite it: close)
 *   day:<YYYY-MM-DD>:<sid>                index of the sessions that started that day (for the digest)
 *   channel:<channelRef>                  the latest session bound to a channel
 *   binding:<sid>:<channelRef>            one key per bound channel, so two joins never race
 *   speaker:<sid>:<handle>                one key per speaker
 *   proposal:<sid>:<number>               one key per proposal, created with `claim` (atomic set-if-absent),
 *                                         so two processes adding at once get different codes
 *   (no record of a speaker's active priorities: it is derived from the proposals; each add expects the
 *                                         next number still free, so the adds of a session serialise and the
 *                                         limit holds under any concurrency. Stores of older versions may
 *                                         still hold `load:<sid>:<handle>` records: deleted with the session)
 *   reaction:<sid>:<number>:<userId>      one key per participant per proposal — the only key an audience
 *                                         action writes; tallies are derived by scanning the prefix
 *   group:<userId>                        one key per participant: their current stakeholder group
 *   mine:<user>:<sid>:<number>            the participant's index (a user id has one `:`): /forgetme reads only
 *                                         the caller's own facts, never the whole store
 *   moderates:<user>:<sid>                sessions a moderator started (their id is in the record)
 *   outbox:<platform>:<seq>               a post not yet delivered (outbox.ts); written with the command
 *   message:<messageRef>                  a platform message → {sid, number}: emoji on old messages still count
 *   posted:<sid>:<number>:<messageRef>    every message showing a proposal, for live count updates
 *   event:hash-key                        the random key that hashes event ids (no user id in a marker)
 *   sent:<sid>:<number>:<channelRef>      claimed when a proposal's card is first sent to a channel, so
 *                                         `/priority post` never posts it there twice (unless `again`)
 *   digest-run:<YYYY-MM-DD>              claimed by the one process that posts the day's scheduled digest
 *   failed-post:<channelRef>:<seq>        a post the platform refused for good (outbox.ts), the last 20 per channel
 *
 * Not facts: markers (FactStore.mark) `event:<platform>:<hmac>`, `command:<hmac>`, `form:<hmac>`, with
 * a lifetime, so retries and replays are applied once and then forgotten.
 *
 * Numbers are zero-padded to six digits so key order is code order. User ids come last because they
 * contain `:` themselves; a prefix scan always ends with `:` so `P1` never matches `P10`.
 */
const pad = (n: number) => String(n).padStart(6, '0');

export const keys = {
  session: (sid: string) => `session:${sid}`,
  day: (day: string, sid: string) => `day:${day}:${sid}`,
  dayPrefix: (day: string) => `day:${day}:`,
  channel: (channel: string) => `channel:${channel}`,
  binding: (sid: string, channel: string) => `binding:${sid}:${channel}`,
  bindingsPrefix: (sid: string) => `binding:${sid}:`,
  speaker: (sid: string, handle: string) => `speaker:${sid}:${handle}`,
  speakersPrefix: (sid: string) => `speaker:${sid}:`,
  proposal: (sid: string, n: number) => `proposal:${sid}:${pad(n)}`,
  proposalsPrefix: (sid: string) => `proposal:${sid}:`,
  reaction: (sid: string, n: number, user: string) => `reaction:${sid}:${pad(n)}:${user}`,
  reactionsOfProposal: (sid: string, n: number) => `reaction:${sid}:${pad(n)}:`,
  reactionsOfSession: (sid: string) => `reaction:${sid}:`,
  group: (user: string) => `group:${user}`,
  groupsPrefix: () => 'group:',
  message: (messageRef: string) => `message:${messageRef}`,
  posted: (sid: string, n: number, messageRef: string) => `posted:${sid}:${pad(n)}:${messageRef}`,
  postedPrefix: (sid: string, n: number) => `posted:${sid}:${pad(n)}:`,
  mine: (user: string, sid: string, n: number) => `mine:${user}:${sid}:${pad(n)}`,
  minePrefix: (user: string) => `mine:${user}:`,
  moderates: (user: string, sid: string) => `moderates:${user}:${sid}`,
  moderatesPrefix: (user: string) => `moderates:${user}:`,
  legacyLoadPrefix: (sid: string) => `load:${sid}:`,
  outbox: (platform: string, seq: string) => `outbox:${platform}:${seq}`,
  outboxPrefix: (platform: string) => `outbox:${platform}:`,
  outboxAll: () => 'outbox:',
  claimSecret: () => 'event:hash-key',
  sent: (sid: string, n: number, channel: string) => `sent:${sid}:${pad(n)}:${channel}`,
  sentPrefix: (sid: string) => `sent:${sid}:`,
  postedOfSession: (sid: string) => `posted:${sid}:`,
  digestRun: (day: string) => `digest-run:${day}`,
  failedPost: (channel: string, seq: string) => `failed-post:${channel}:${seq}`,
  failedPostPrefix: (channel: string) => `failed-post:${channel}:`,
  failedPostAll: () => 'failed-post:',
};

/** Splits `mine:<user>:<sid>:<number>` into the reaction it indexes. */
export function parseMineKey(key: string): { sid: string; number: number } {
  const parts = key.split(':');
  return { sid: parts[parts.length - 2], number: Number(parts[parts.length - 1]) };
}

/** Splits `reaction:<sid>:<number>:<user>` back into its number and user. */
export function parseReactionKey(key: string): { number: number; user: string } {
  const [, , n, ...user] = key.split(':');
  return { number: Number(n), user: user.join(':') };
}

