import * as z from 'zod';
import { defineCommand } from './command.ts';
import { LIMITS } from '../src/text-rules.ts';
import { text } from './options.ts';
import { notice } from '../src/views.ts';
import { say } from '../src/wording/say.ts';

export default defineCommand({
  name: 'speaker edit',
  description: "Correct a speaker's name, organisation or group; proposals and reactions stay",
  role: 'moderator',
  options: {
    handle: text("The speaker's handle", { label: 'Speaker handle', positional: true, required: true, autocomplete: 'speaker', limit: 'handle' }),
    // Not trimmed here: an empty org: clears the organisation, and the core trims what it keeps.
    name: text(`New display name (up to ${LIMITS.name} characters)`, { words: true, limit: 'name', rule: z.string().optional() }),
    org: text(`New organisation (up to ${LIMITS.organisation} characters; empty clears it)`, { words: true, limit: 'organisation', rule: z.string().optional() }),
    group: text('New stakeholder group', { choices: 'group', rule: z.string().optional() }),
  },
  async handler({ core, channel, locale }, { handle, name, org, group }) {
    const speaker = await core.editSpeaker(channel, handle, { name, organisation: org, group });
    const details = [speaker.organisation, speaker.group].filter(Boolean).join(', ');
    return { reply: notice(say('done.speaker.edited', { handle: speaker.handle, name: speaker.name, details, hasDetails: details ? 'yes' : 'no' }, locale)) };
  },
});
