import { z } from 'zod';
import { defineCommand } from './command.ts';
import { requiredText } from './shared.ts';
import { notice } from '../src/views.ts';
import { parseCode } from '../src/text-rules.ts';

export default defineCommand({
  name: 'priority withdraw',
  description: 'Remove a proposal from the menu, summaries and digests',
  usage: '<code>',
  role: 'moderator',
  options: [{ name: 'code', description: 'Proposal code, e.g. P3', type: 'text', positional: true, required: true, autocomplete: 'proposal', maxLength: 8 }],
  schema: z.object({ code: requiredText('Proposal code') }),
  async handler({ core, channel }, { code }) {
    const proposal = await core.withdrawPriority(channel, parseCode(code));
    return { reply: notice(`${proposal.code} withdrawn; it no longer counts anywhere. Its code is not reused.`) };
  },
});
