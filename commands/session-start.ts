import * as z from 'zod';
import { defineCommand } from './command.ts';
import { LIMITS } from '../src/text-rules.ts';
import { text, FIXED_CHOICES, optionProblem } from './options.ts';
import { notice } from '../src/views.ts';
import { say } from '../src/wording/say.ts';

export default defineCommand({
  name: 'session start',
  description: 'Open a session on a theme in this channel',
  role: 'moderator',
  options: {
    title: text(`Session title (up to ${LIMITS.title} characters)`, { label: 'Title', positional: true, required: true, words: true, limit: 'title' }),
    theme: text(`The theme speakers address (up to ${LIMITS.theme} characters)`, { words: true, limit: 'theme' }),
    results: text('live (default) or hidden: counts stay hidden from participants until the close', {
      choices: 'results',
      rule: z.string().trim().toLowerCase().pipe(z.enum(FIXED_CHOICES.results, { error: optionProblem('results') })).optional(),
    }),
  },
  async handler({ core, user, channel, locale }, { title, theme, results }) {
    const session = await core.startSession(user, channel, title, theme ?? null, { results });
    return {
      reply: notice(say('done.session.started', { session: session.id, hidden: session.results === 'hidden' ? 'yes' : 'no' }, locale)),
      posts: [{ channel, view: notice(say('post.session.started', { session: session.id, title: session.title, theme: session.theme ?? '', hasTheme: session.theme ? 'yes' : 'no', hidden: session.results === 'hidden' ? 'yes' : 'no' }, core.config.conference.language)) }],
    };
  },
});
