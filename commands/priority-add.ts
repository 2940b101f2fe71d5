import { defineCommand } from './command.ts';
import { LIMITS } from '../src/text-rules.ts';
import { text } from './options.ts';
import { notice } from '../src/views.ts';
import { say } from '../src/wording/say.ts';

export default defineCommand({
  name: 'priority add',
  description: "Add one of a speaker's priorities as a proposal",
  role: 'moderator',
  options: {
    handle: text("The speaker's handle", { label: 'Speaker handle', positional: true, required: true, autocomplete: 'speaker', limit: 'handle' }),
    text: text(`The priority, as specific as possible (up to ${LIMITS.priority} characters)`, { label: 'Priority text', positional: true, required: true, words: true, limit: 'priority' }),
  },
  async handler({ core, channel, locale }, { handle, text }) {
    const proposal = await core.addPriority(channel, handle, text);
    return { reply: notice(say('done.priority.added', { code: proposal.code, handle: proposal.speaker }, locale)) };
  },
});
