/**
 * Every refusal plenary gives: one line telling the caller what to type instead.
 * Thrown as `new Refusal(id, params)` (src/errors.ts); user text is always a parameter.
 * `'<'…'>'` is ICU quoting: the angle brackets are shown, not read as tags.
 */
export const refusals = {
  // Text and codes people type (src/text-rules.ts, src/stances.ts).
  'refusal.text.missing': '{field} is missing.',
  'refusal.text.control': '{field} contains control characters; type plain text.',
  'refusal.text.too-long': '{field} is too long ({length} characters; at most {max}). Shorten it and try again.',
  'refusal.handle.invalid': '"{raw}" is not a speaker handle: use 1–24 letters, digits or dashes, e.g. icann.',
  'refusal.code.invalid': '"{raw}" is not a proposal code: use P1, P2… (see /menu).',
  'refusal.stance.invalid': '"{raw}" is not a stance: use {hint}.',
  'refusal.group.invalid': '"{raw}" is not a stakeholder group: use one of {groups}.',

  // The command line (commands/parse.ts, commands/execute.ts, commands/help.ts).
  'refusal.line.too-long': 'That line is too long ({length} characters; at most {max}). Shorten it and try again.',
  'refusal.line.control': 'That line contains control characters; type plain text.',
  'refusal.line.unbalanced-quote': 'Unbalanced quote ("): close it, e.g. theme:"Cyber peace", or remove it.',
  'refusal.option.twice': '{option}: is given twice; give it once. Usage: {usage}',
  'refusal.option.unexpected': 'Unexpected "{raw}". Usage: {usage}',
  'refusal.option.invalid': '{problem}. Usage: {usage}',
  'refusal.option.missing': '{label} is missing. Usage: {usage}',
  'refusal.option.not-text': '{label} must be text. Usage: {usage}',
  'refusal.option.day': 'date: must be a day like 2026-11-28. Usage: {usage}',
  'refusal.option.format': 'format: must be md, json or csv. Usage: {usage}',
  'refusal.option.results': 'results: must be live or hidden. Usage: {usage}',
  'label.language': 'Language',
  'label.priority-text': 'Priority text',
  'label.proposal-code': 'Proposal code',
  'label.session-id': 'Session id',
  'label.speaker-handle-or-all': 'Speaker handle (or all)',
  'label.speaker-handle': 'Speaker handle',
  'label.speaker-name': 'Speaker name',
  'label.stakeholder-group': 'Stakeholder group',
  'label.stance': 'Stance',
  'label.title': 'Title',
  'refusal.command.unknown': 'Unknown command "/{raw}": did you mean /{guess}? Type /help for the list.',
  'refusal.command.no-subcommand': '/{group} needs a subcommand: use /{group} {names}. Type /help {group} for usage.',
  'refusal.command.unknown-subcommand':
    'Unknown "/{group} {raw}": use /{group} {names}. Did you mean /{guess}? Type /help {group} for usage.',
  'refusal.help.unknown': 'There is no /{raw}: the closest is /{guess}. Type /help for the list.',

  // Roles (commands/execute.ts, commands/shared.ts).
  'refusal.role.command': 'Only {role, select, organiser {an organiser} other {a moderator}} may use /{command}; ask one to do it.',
  'refusal.role.post':
    'Only {role, select, organiser {an organiser} other {a moderator}} may {what}; ask one, or use the command without "post".',

  // Sessions (src/session-book.ts, src/session-corrections.ts).
  'refusal.session.none-here': "No session in this channel yet: a moderator starts one with /session start '<'title'>'.",
  'refusal.session.closed': "Session {session} is closed; a moderator can start a new one with /session start '<'title'>'.",
  'refusal.session.closed-reactions': 'Session {session} is closed: reactions are no longer accepted.',
  'refusal.session.closed-join': 'Session {session} is closed; only open sessions can be joined.',
  'refusal.session.unknown': 'No session "{raw}".',
  'refusal.session.unknown-status': 'No session "{raw}": use the id shown by /session status, e.g. s7k2.',
  'refusal.session.unknown-join': 'No session "{raw}": use the id shown by /session status, e.g. /session join s7k2.',
  'refusal.session.already-open': 'Session {session} is already open.',
  'refusal.session.channel-busy':
    'This channel already has open session {session} ("{title}"); close it first with /session close.',
  'refusal.session.channel-busy-reopen':
    '{channel, select, here {This channel} other {Channel {channel}}} has open session {session} ("{title}"); close it first with /session close.',
  'refusal.session.channel-busy-join': 'This channel already has open session {session}; close it first with /session close.',
  'refusal.session.already-followed': 'This channel already follows session {session}.',
  'refusal.session.unreadable': 'Session {session} could not be read; try again.',

  // Speakers.
  'refusal.speaker.exists': 'Speaker {handle} is already in session {session}; see /speaker list.',
  'refusal.speaker.unknown':
    "No speaker \"{handle}\" in this session: add one with /speaker add {handle} '<'name'>', or see /speaker list.",
  'refusal.speaker.unknown-list': 'No speaker "{handle}" in this session: see /speaker list.',
  'refusal.speaker.nothing-to-change':
    "Nothing to change: give name:\"…\", org:\"…\" or group:'<'group'>', e.g. /speaker edit {handle} name:\"New Name\".",
  'refusal.speaker.has-priorities':
    '{handle} still has {codes}: withdraw {count, plural, one {it} other {them}} first with /priority withdraw {first}.',

  // Priorities and reactions (src/plenary.ts, commands/priority-post.ts).
  'refusal.priority.limit':
    "{handle} already has {count} priorities (the limit is {limit}); withdraw one with /priority withdraw '<'code'>' first.",
  'refusal.priority.unknown': 'No proposal P{number} in session {session}: see /menu for the codes.',
  'refusal.priority.none':
    "{handle, select, all {The session has} other {{handle} has}} no priorities yet: add one with /priority add '<'handle'> <'text'>'.",
  'refusal.reaction.nothing-to-clear': 'You have no reaction on {code} to clear.',

  // The store (commands/execute.ts): nothing happened, or it is not known whether it did.
  'refusal.store.unavailable': 'The store is unreachable right now, so nothing was recorded: try again in a few seconds.',
  'refusal.store.outcome-unknown':
    'The store stopped answering after your command reached it, so it may or may not be recorded: check with /session status or /menu before trying again.',
  'refusal.store.replaced':
    'The bot’s database file was deleted or replaced while it runs, so nothing was recorded: ask the operator to restart plenary.',
  'refusal.posts.unqueued': 'Done, but its posts could not be queued: try again in a moment.',

  // Buttons and forms (adapters/slack/handlers.ts, adapters/discord/interactions.ts).
  'refusal.comment.closed': '{code} no longer takes comments ({state}).',
  'refusal.proposal.gone': 'That proposal no longer exists.',
  'refusal.form.out-of-date': 'This form is out of date: click Comment again.',
  'refusal.form.field-missing': 'This form is out of date (its comment field is missing): click Comment again.',
  'refusal.form.foreign': "This form is not one of plenary’s; use /react '<'code'> <'stance'> <'comment'>.",
  'refusal.button.foreign': "This button is not one of plenary’s (anymore); use /react '<'code'> <'stance'>.",

  // Payloads a platform would not send (adapters).
  'refusal.slack.malformed': 'This request from Slack was incomplete, so nothing was done: try the command again.',
  'refusal.discord.incomplete': 'This interaction arrived incomplete, so nothing was done: try again.',
  'refusal.discord.unknown-command': 'Unknown command /{raw}: run "plenary discord register" to refresh the commands.',
  'refusal.discord.option-type': '/{command} got an option of the wrong type: run "plenary discord register" to refresh the commands.',

  'refusal.internal': 'Something went wrong on our side and nothing was confirmed: try again in a moment.',
} as const;
