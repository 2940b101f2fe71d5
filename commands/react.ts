import { defineCommand } from './command.ts';
import { LIMITS } from '../src/text-rules.ts';
import { text } from './options.ts';
import { notice } from '../src/views.ts';
import { parseCode } from '../src/text-rules.ts';
import { parseStance } from '../src/stances.ts';
import { stanceConfirmation } from '../src/view-text.ts';
import { say } from '../src/wording/say.ts';
import { localeOf } from './shared.ts';

export default defineCommand({
  name: 'react',
  description: 'Support, stay neutral on or oppose a proposal, with an optional comment',
  role: 'participant',
  options: {
    code: text('Proposal code, e.g. P3', { label: 'Proposal code', positional: true, required: true, autocomplete: 'proposal', limit: 'code' }),
    stance: text('support, neutral, oppose or clear', { label: 'Stance', positional: true, required: true, choices: 'stance' }),
    comment: text(`An optional comment (up to ${LIMITS.comment} characters)`, { positional: true, words: true, limit: 'comment' }),
  },
  async handler(ctx, { code, stance, comment }) {
    const { core, user, channel } = ctx;
    const n = parseCode(code);
    const parsed = parseStance(stance);
    const session = await core.requireSession(channel);
    if (parsed === 'clear' && comment) {
      return { reply: { kind: 'error', text: say('done.react.clear-no-comment', {}, await localeOf(ctx)) } };
    }
    const { proposal, reaction } = await core.react(user, session.id, n, parsed, { comment: comment || null });
    // The caller's language may still be on its way (Slack's users.info): it is needed only from here.
    const locale = await localeOf(ctx);
    const note = !reaction ? 'none' : comment ? 'saved' : reaction.comment ? 'kept' : 'none';
    return { reply: notice(`${stanceConfirmation(reaction?.stance, proposal.code, locale)}${say('view.stance.comment-note', { comment: note }, locale)}`) };
  },
});
