import { z } from 'zod';
import { defineCommand } from './command.ts';

export default defineCommand({
  name: 'speaker list',
  description: "The session's speakers (private)",
  usage: '',
  role: 'participant',
  options: [],
  schema: z.object({}),
  async handler({ core, channel }) {
    const session = await core.requireSession(channel);
    return { reply: { kind: 'speakers', session, speakers: await core.speakers(session.id) } };
  },
});
