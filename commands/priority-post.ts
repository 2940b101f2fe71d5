import { defineCommand } from './command.ts';
import { text, flag } from './options.ts';
import { proposalCard } from './shared.ts';
import { say } from '../src/wording/say.ts';
import type { Post } from '../src/views.ts';
import { notice } from '../src/views.ts';
import { Refusal } from '../src/errors.ts';

export default defineCommand({
  name: 'priority post',
  description: "Post a speaker's priorities (or all) to every bound channel, with reaction controls",
  role: 'moderator',
  options: {
    handle: text("A speaker's handle, or all", { label: 'Speaker handle (or all)', positional: true, required: true, autocomplete: 'speaker', limit: 'handle', placeholder: 'handle|all' }),
    again: flag('Post cards again in channels that already show them'),
  },
  async handler({ core, channel, locale }, { handle, again = false }) {
    const session = await core.requireOpenSession(channel);
    const everyone = handle.trim().toLowerCase() === 'all';
    const speaker = everyone ? null : await core.requireSpeaker(session.id, handle);
    const proposals = (await core.activeProposals(session.id)).filter((p) => !speaker || p.speaker === speaker.handle);
    if (proposals.length === 0) {
      throw new Refusal('refusal.priority.none', { handle: speaker?.handle ?? 'all' });
    }
    const cards = await Promise.all(proposals.map((p) => proposalCard(core, session, p)));
    const channels = await core.bindings(session.id);
    const posts: Post[] = [];
    let skipped = 0;
    // Channel by channel, so each channel's cards keep their order; a card a channel already shows is skipped.
    for (const target of channels) {
      for (const card of cards) {
        if (await core.claimCardPost(session.id, card.number, target, again)) posts.push({ channel: target, view: { kind: 'proposal', card } });
        else skipped++;
      }
    }
    const reached = new Set(posts.map((p) => p.channel)).size;
    const skipNote = skipped ? ` ${say('done.priority.skipped', { cards: skipped }, locale)}` : '';
    const proposalsPosted = new Set(posts.map((p) => (p.view.kind === 'proposal' ? p.view.card.number : 0))).size;
    const head = posts.length ? say('done.priority.posting', { proposals: proposalsPosted, channels: reached }, locale) : say('done.priority.nothing-new', {}, locale);
    return { reply: notice(`${head}${skipNote}`), posts };
  },
});
