import { defineCommand } from './command.ts';
import { LIMITS } from '../src/text-rules.ts';
import { text } from './options.ts';
import { notice } from '../src/views.ts';
import { say } from '../src/wording/say.ts';
import { parseCode } from '../src/text-rules.ts';

export default defineCommand({
  name: 'priority edit',
  description: "Change a proposal's text (its reactions stay)",
  role: 'moderator',
  options: {
    code: text('Proposal code, e.g. P3', { label: 'Proposal code', positional: true, required: true, autocomplete: 'proposal', limit: 'code' }),
    text: text(`The new text (up to ${LIMITS.priority} characters)`, { label: 'Priority text', positional: true, required: true, words: true, limit: 'priority' }),
  },
  async handler({ core, channel, locale }, { code, text }) {
    const proposal = await core.editPriority(channel, parseCode(code), text);
    return { reply: notice(say('done.priority.edited', { code: proposal.code }, locale)) };
  },
});
