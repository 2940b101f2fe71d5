import { z } from 'zod';
import { defineCommand } from './command.ts';
import { requiredText } from './shared.ts';
import { notice } from '../src/views.ts';

export default defineCommand({
  name: 'speaker remove',
  description: 'Remove a speaker who has no active proposal',
  usage: '<handle>',
  role: 'moderator',
  options: [{ name: 'handle', description: "The speaker's handle", type: 'text', positional: true, required: true, autocomplete: 'speaker', maxLength: 24 }],
  schema: z.object({ handle: requiredText('Speaker handle') }),
  async handler({ core, channel }, { handle }) {
    const speaker = await core.removeSpeaker(channel, handle);
    return { reply: notice(`Speaker ${speaker.handle} (${speaker.name}) is removed from the session.`) };
  },
});
