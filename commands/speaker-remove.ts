import { defineCommand } from './command.ts';
import { text } from './options.ts';
import { notice } from '../src/views.ts';

export default defineCommand({
  name: 'speaker remove',
  description: 'Remove a speaker who has no active proposal',
  role: 'moderator',
  options: { handle: text("The speaker's handle", { label: 'Speaker handle', positional: true, required: true, autocomplete: 'speaker', limit: 'handle' }) },
  async handler({ core, channel }, { handle }) {
    const speaker = await core.removeSpeaker(channel, handle);
    return { reply: notice(`Speaker ${speaker.handle} (${speaker.name}) is removed from the session.`) };
  },
});
