import { defineCommand } from './command.ts';
import { text } from './options.ts';
import { notice } from '../src/views.ts';
import { say } from '../src/wording/say.ts';

export default defineCommand({
  name: 'speaker remove',
  description: 'Remove a speaker who has no active proposal',
  role: 'moderator',
  options: { handle: text("The speaker's handle", { label: 'Speaker handle', positional: true, required: true, autocomplete: 'speaker', limit: 'handle' }) },
  async handler({ core, channel, locale }, { handle }) {
    const speaker = await core.removeSpeaker(channel, handle);
    return { reply: notice(say('done.speaker.removed', { handle: speaker.handle, name: speaker.name }, locale)) };
  },
});
