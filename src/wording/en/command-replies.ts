/** What commands answer when they succeed, and what they post to channels. */
export const commandReplies = {
  'done.help.list': "Commands you may use:\n{lines}\nType /help '<'command'>' for one command’s usage.",
  'done.priority.withdrawn': '{code} withdrawn; it no longer counts anywhere. Its code is not reused.',
  'done.priority.edited': '{code} edited; its reactions are kept.',
  'done.priority.added': '{code} added for {handle}. Post it with /priority post {handle} (or all).',
  'done.speaker.added':
    "Speaker {handle} added: {name}{hasDetails, select, yes { ({details})} other {}}. Add priorities with /priority add {handle} '<'text'>'.",
  'done.speaker.edited': 'Speaker {handle} is now: {name}{hasDetails, select, yes { ({details})} other {}}. Their proposals and reactions stay.',
  'done.speaker.removed': 'Speaker {handle} ({name}) is removed from the session.',
  'done.iam': 'You count as {group} in every summary from now on.',
  'done.screen.day': 'The day’s page for {date}: {url} (keep this link private: it opens the page without a login).',
  'done.screen.session':
    'Screen of session {session} “{title}”: {url} (put it on the projector; keep the link private: it opens the screen without a login).',
  'done.session.reopened': 'Session {session} is open again; reactions are accepted until /session close.',
  'post.session.reopened': 'Session {session} “{title}” is open again: reactions count until the moderator closes it.',
  'done.session.joined': 'This channel now follows session {session}; reactions here count with every other bound channel.',
  'post.session.joined': 'This channel follows session {session} “{title}”.',
  'done.session.closed': 'Session {session} is closed; the final summary is being posted to every bound channel.',
  'done.session.started':
    "Session {session} is open here. Add speakers with /speaker add '<'handle'>' '<'name'>'; other channels can follow it with /session join {session}.{hidden, select, yes { Results are hidden from participants until you close it; you see them privately with /menu or /summary.} other {}}",
  'post.session.started':
    "Session {session} “{title}” is open.{hasTheme, select, yes { Theme: “{theme}”.} other {}}{hidden, select, yes { Results stay hidden until the session closes.} other {}} React to proposals with /react '<'code'>' '<'stance'>', the buttons or 👍 😐 👎.",
  // Posts go through the outbox: a refusal by the platform reaches the caller privately afterwards.
  'done.digest.posting': 'The digest for {day} is being posted here; if Slack or Discord refuses it, I tell you privately.',
  'done.summary.posting': 'The summary is being posted to every bound channel; if one refuses it, I tell you privately.',
  'done.menu.posting': 'The menu is being posted to every bound channel; if one refuses it, I tell you privately.',
} as const;
