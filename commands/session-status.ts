import { z } from 'zod';
import { defineCommand } from './command.ts';

export default defineCommand({
  name: 'session status',
  description: "This channel's session: title, state, speakers and counts (private)",
  usage: '',
  role: 'participant',
  options: [],
  schema: z.object({}),
  async handler({ core, channel }) {
    const session = await core.requireSession(channel);
    const [speakers, summary, channels] = await Promise.all([
      core.speakers(session.id),
      core.summaries.sessionSummary(session.id),
      core.bindings(session.id),
    ]);
    const proposals = summary?.proposals ?? [];
    return {
      reply: {
        kind: 'status',
        session,
        speakers: speakers.length,
        proposals: proposals.length,
        reactions: proposals.reduce((sum, p) => sum + p.reactors, 0),
        participants: summary?.participants ?? 0,
        channels,
      },
    };
  },
});
