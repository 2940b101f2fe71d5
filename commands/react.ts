import { z } from 'zod';
import { defineCommand } from './command.ts';
import { optionalText, requiredText } from './shared.ts';
import { notice } from '../src/views.ts';
import { parseCode } from '../src/text-rules.ts';
import { parseStance } from '../src/stances.ts';

export default defineCommand({
  name: 'react',
  description: 'Support, stay neutral on or oppose a proposal, with an optional comment',
  usage: '<code> <stance> [comment…]',
  role: 'participant',
  options: [
    { name: 'code', description: 'Proposal code, e.g. P3', type: 'text', positional: true, required: true, autocomplete: 'proposal', maxLength: 8 },
    { name: 'stance', description: 'support, neutral, oppose or clear', type: 'text', positional: true, required: true, choices: 'stance' },
    { name: 'comment', description: 'An optional comment (up to 500 characters)', type: 'text', positional: true, maxLength: 500 },
  ],
  schema: z.object({ code: requiredText('Proposal code'), stance: requiredText('Stance'), comment: optionalText() }),
  async handler({ core, user, channel }, { code, stance, comment }) {
    const n = parseCode(code);
    const parsed = parseStance(stance);
    const session = await core.requireSession(channel);
    if (parsed === 'clear' && comment) {
      return { reply: { kind: 'error', text: 'clear takes no comment: type /react <code> clear.' } };
    }
    const { proposal, reaction } = await core.react(user, session.id, n, parsed, { comment: comment || null });
    if (!reaction) return { reply: notice(`Your reaction on ${proposal.code} is cleared.`) };
    const note = comment ? ' Your comment is saved.' : reaction.comment ? ' Your earlier comment stays.' : '';
    return { reply: notice(`You ${reaction.stance === 'neutral' ? 'are neutral on' : reaction.stance} ${proposal.code}.${note}`) };
  },
});
