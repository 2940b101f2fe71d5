import { defineCommand } from './command.ts';
import { text } from './options.ts';
import { notice } from '../src/views.ts';
import { say } from '../src/wording/say.ts';
import { parseCode } from '../src/text-rules.ts';

export default defineCommand({
  name: 'priority withdraw',
  description: 'Remove a proposal from the menu, summaries and digests',
  role: 'moderator',
  options: { code: text('Proposal code, e.g. P3', { label: 'Proposal code', positional: true, required: true, autocomplete: 'proposal', limit: 'code' }) },
  async handler({ core, channel, locale }, { code }) {
    const proposal = await core.withdrawPriority(channel, parseCode(code));
    return { reply: notice(say('done.priority.withdrawn', { code: proposal.code }, locale)) };
  },
});
