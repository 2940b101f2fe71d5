import { defineCommand } from './command.ts';

export default defineCommand({
  name: 'speaker list',
  description: "The session's speakers (private)",
  role: 'participant',
  options: {},
  async handler({ core, channel }) {
    const session = await core.requireSession(channel);
    return { reply: { kind: 'speakers', session, speakers: await core.speakers(session.id) } };
  },
});
