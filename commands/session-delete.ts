import { defineCommand } from './command.ts';
import { text, flag } from './options.ts';
import { notice } from '../src/views.ts';
import { counted } from '../src/view-text.ts';

export default defineCommand({
  name: 'session delete',
  description: 'Delete a session and all its facts, so it leaves every digest (organisers; confirm to do it)',
  role: 'organiser',
  options: {
    id: text('Session id, e.g. s7k2', { label: 'Session id', positional: true, required: true, limit: 'sessionId' }),
    confirm: flag('Really delete it (without: only says what would go)'),
  },
  async handler({ core, locale }, { id, confirm }) {
    const session = await core.namedSession(id);
    const what = await core.sessionFootprint(session.id);
    const listing = `${counted('speakers', what.speakers, locale)}, ${counted('proposals', what.proposals, locale)} and ${counted('reactions', what.reactions, locale)}`;
    if (!confirm) {
      return {
        reply: notice(`Deleting session ${session.id} “${session.title}” (${session.day}) would remove ${listing}, for good. To do it: /session delete ${session.id} confirm`),
      };
    }
    await core.deleteSession(session.id);
    return { reply: notice(`Session ${session.id} is deleted (${listing}); it is in no digest any more.`) };
  },
});
