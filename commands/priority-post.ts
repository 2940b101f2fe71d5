import { z } from 'zod';
import { defineCommand } from './command.ts';
import { proposalCard, requiredText, toEveryChannel } from './shared.ts';
import { notice } from '../src/views.ts';
import { UserError } from '../src/errors.ts';

export default defineCommand({
  name: 'priority post',
  description: "Post a speaker's priorities (or all) to every bound channel, with reaction controls",
  usage: '<handle|all>',
  role: 'moderator',
  options: [{ name: 'handle', description: "A speaker's handle, or all", type: 'text', positional: true, required: true, autocomplete: 'speaker', maxLength: 24 }],
  schema: z.object({ handle: requiredText('Speaker handle (or all)') }),
  async handler({ core, channel }, { handle }) {
    const session = await core.requireOpenSession(channel);
    const everyone = handle.trim().toLowerCase() === 'all';
    const speaker = everyone ? null : await core.requireSpeaker(session.id, handle);
    const proposals = (await core.activeProposals(session.id, { fresh: true })).filter((p) => !speaker || p.speaker === speaker.handle);
    if (proposals.length === 0) {
      throw new UserError(`${speaker ? `${speaker.handle} has` : 'The session has'} no priorities yet: add one with /priority add <handle> <text>.`);
    }
    const cards = await Promise.all(proposals.map((p) => proposalCard(core, session, p)));
    const posts = await toEveryChannel(core, session.id, cards.map((card) => ({ kind: 'proposal', card })));
    const channels = new Set(posts.map((p) => p.channel)).size;
    return { reply: notice(`Posting ${cards.length} proposal${cards.length === 1 ? '' : 's'} to ${channels} channel${channels === 1 ? '' : 's'}.`), posts };
  },
});
