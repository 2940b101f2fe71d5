import { defineCommand } from './command.ts';
import { seesHiddenResults } from './shared.ts';
import { resultsHidden } from '../src/hidden-results.ts';

export default defineCommand({
  name: 'session status',
  description: "This channel's session: title, state, speakers and counts (private)",
  role: 'participant',
  options: {},
  async handler(ctx) {
    const { core, channel } = ctx;
    const session = await core.requireSession(channel);
    const [speakers, summary, channels] = await Promise.all([
      core.speakers(session.id),
      core.summaries.sessionSummary(session.id),
      core.bindings(session.id),
    ]);
    const proposals = summary?.proposals ?? [];
    const withheld = resultsHidden(session) && !seesHiddenResults(ctx);
    return {
      reply: {
        kind: 'status',
        session,
        speakers: speakers.length,
        proposals: proposals.length,
        reactions: withheld ? 0 : proposals.reduce((sum, p) => sum + p.reactors, 0),
        participants: withheld ? 0 : (summary?.participants ?? 0),
        channels,
        timezone: core.config.conference.timezone,
        resultsHidden: withheld,
      },
    };
  },
});
