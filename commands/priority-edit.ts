import { z } from 'zod';
import { defineCommand } from './command.ts';
import { requiredText } from './shared.ts';
import { notice } from '../src/views.ts';
import { parseCode } from '../src/text-rules.ts';

export default defineCommand({
  name: 'priority edit',
  description: "Change a proposal's text (its reactions stay)",
  usage: '<code> <text…>',
  role: 'moderator',
  options: [
    { name: 'code', description: 'Proposal code, e.g. P3', type: 'text', positional: true, required: true, autocomplete: 'proposal', maxLength: 8 },
    { name: 'text', description: 'The new text (up to 500 characters)', type: 'text', positional: true, required: true, maxLength: 500 },
  ],
  schema: z.object({ code: requiredText('Proposal code'), text: requiredText('Priority text') }),
  async handler({ core, channel }, { code, text }) {
    const proposal = await core.editPriority(channel, parseCode(code), text);
    return { reply: notice(`${proposal.code} edited; its reactions are kept.`) };
  },
});
