import { z } from 'zod';
import { defineCommand } from './command.ts';
import { flag, requiredText } from './shared.ts';
import { notice } from '../src/views.ts';
import { plural } from '../src/plurals.ts';

export default defineCommand({
  name: 'session delete',
  description: 'Delete a session and all its facts, so it leaves every digest (organisers; confirm to do it)',
  usage: '<id> [confirm]',
  role: 'organiser',
  options: [
    { name: 'id', description: 'Session id, e.g. s7k2', type: 'text', positional: true, required: true, maxLength: 12 },
    { name: 'confirm', description: 'Really delete it (without: only says what would go)', type: 'flag' },
  ],
  schema: z.object({ id: requiredText('Session id'), confirm: z.union([z.boolean(), z.literal('confirm').transform(() => true)]).optional() }),
  async handler({ core }, { id, confirm }) {
    const session = await core.namedSession(id);
    const what = await core.sessionFootprint(session.id);
    const listing = `${plural(what.speakers, 'speaker')}, ${plural(what.proposals, 'proposal')} and ${plural(what.reactions, 'reaction')}`;
    if (!confirm) {
      return {
        reply: notice(`Deleting session ${session.id} “${session.title}” (${session.day}) would remove ${listing}, for good. To do it: /session delete ${session.id} confirm`),
      };
    }
    await core.deleteSession(session.id);
    return { reply: notice(`Session ${session.id} is deleted (${listing}); it is in no digest any more.`) };
  },
});
