import { defineCommand } from './command.ts';
import { text } from './options.ts';
import { toEveryChannel } from './shared.ts';
import { notice } from '../src/views.ts';
import { say } from '../src/wording/say.ts';

export default defineCommand({
  name: 'session reopen',
  description: "Reopen this channel's latest closed session (or the one named)",
  role: 'moderator',
  options: { id: text('Session id, e.g. s7k2 (default: this channel’s latest)', { positional: true, limit: 'sessionId' }) },
  async handler({ core, channel, locale }, { id }) {
    const session = await core.reopenSession(channel, id || undefined);
    return {
      reply: notice(say('done.session.reopened', { session: session.id }, locale)),
      posts: await toEveryChannel(core, session.id, [notice(say('post.session.reopened', { session: session.id, title: session.title }, core.config.conference.language))]),
    };
  },
});
