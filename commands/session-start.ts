import { z } from 'zod';
import { defineCommand } from './command.ts';
import { LIMITS } from '../src/text-rules.ts';
import { text, FIXED_CHOICES } from './options.ts';
import { notice } from '../src/views.ts';

export default defineCommand({
  name: 'session start',
  description: 'Open a session on a theme in this channel',
  role: 'moderator',
  options: {
    title: text(`Session title (up to ${LIMITS.title} characters)`, { label: 'Title', positional: true, required: true, words: true, limit: 'title' }),
    theme: text(`The theme speakers address (up to ${LIMITS.theme} characters)`, { words: true, limit: 'theme' }),
    results: text('live (default) or hidden: counts stay hidden from participants until the close', {
      choices: 'results',
      rule: z.string().trim().toLowerCase().pipe(z.enum(FIXED_CHOICES.results, { error: 'results: must be live or hidden' })).optional(),
    }),
  },
  async handler({ core, user, channel }, { title, theme, results }) {
    const session = await core.startSession(user, channel, title, theme ?? null, { results });
    // The theme is the user's own text: no full stop after it, so "…?" never becomes "…?.".
    const themeLine = session.theme ? ` Theme: “${session.theme}”.` : '';
    const hiddenLine = session.results === 'hidden' ? ' Results stay hidden until the session closes.' : '';
    return {
      reply: notice(`Session ${session.id} is open here. Add speakers with /speaker add <handle> <name>; other channels can follow it with /session join ${session.id}.${session.results === 'hidden' ? ' Results are hidden from participants until you close it; you see them privately with /menu or /summary.' : ''}`),
      posts: [{ channel, view: notice(`Session ${session.id} “${session.title}” is open.${themeLine}${hiddenLine} React to proposals with /react <code> <stance>, the buttons or 👍 😐 👎.`) }],
    };
  },
});
