import { z } from 'zod';
import { defineCommand } from './command.ts';
import { requiredText } from './shared.ts';
import { notice } from '../src/views.ts';

export default defineCommand({
  name: 'priority add',
  description: "Add one of a speaker's priorities as a proposal",
  usage: '<handle> <text…>',
  role: 'moderator',
  options: [
    { name: 'handle', description: "The speaker's handle", type: 'text', positional: true, required: true, autocomplete: 'speaker', maxLength: 24 },
    { name: 'text', description: 'The priority, as specific as possible (up to 500 characters)', type: 'text', positional: true, required: true, maxLength: 500 },
  ],
  schema: z.object({ handle: requiredText('Speaker handle'), text: requiredText('Priority text') }),
  async handler({ core, channel }, { handle, text }) {
    const proposal = await core.addPriority(channel, handle, text);
    return { reply: notice(`${proposal.code} added for ${proposal.speaker}. Post it with /priority post ${proposal.speaker} (or all).`) };
  },
});
