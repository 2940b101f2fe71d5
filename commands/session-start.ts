import { z } from 'zod';
import { defineCommand } from './command.ts';
import { requiredText, optionalText } from './shared.ts';
import { notice } from '../src/views.ts';

export default defineCommand({
  name: 'session start',
  description: 'Open a session on a theme in this channel',
  usage: '<title…> [theme:"…"]',
  role: 'moderator',
  options: [
    { name: 'title', description: 'Session title (up to 150 characters)', type: 'text', positional: true, required: true, maxLength: 150 },
    { name: 'theme', description: 'The theme speakers address (up to 500 characters)', type: 'text', maxLength: 500 },
  ],
  schema: z.object({ title: requiredText('Title'), theme: optionalText() }),
  async handler({ core, user, channel }, { title, theme }) {
    const session = await core.startSession(user, channel, title, theme ?? null);
    const themeLine = session.theme ? ` Theme: ${session.theme}.` : '';
    return {
      reply: notice(`Session ${session.id} is open here. Add speakers with /speaker add <handle> <name>; other channels can follow it with /session join ${session.id}.`),
      posts: [{ channel, view: notice(`Session ${session.id} “${session.title}” is open.${themeLine} React to proposals with /react <code> <stance>, the buttons or 👍 😐 👎.`) }],
    };
  },
});
