import { z } from 'zod';
import { defineCommand } from './command.ts';
import { requiredText } from './shared.ts';
import { notice } from '../src/views.ts';

const maybeText = () => z.string().optional();

export default defineCommand({
  name: 'speaker edit',
  description: "Correct a speaker's name, organisation or group; proposals and reactions stay",
  usage: '<handle> [name:"…"] [org:"…"] [group:<group>]',
  role: 'moderator',
  options: [
    { name: 'handle', description: "The speaker's handle", type: 'text', positional: true, required: true, autocomplete: 'speaker', maxLength: 24 },
    { name: 'name', description: 'New display name (up to 100 characters)', type: 'text', maxLength: 100 },
    { name: 'org', description: 'New organisation (up to 100 characters; empty clears it)', type: 'text', maxLength: 100 },
    { name: 'group', description: 'New stakeholder group', type: 'text', choices: 'group' },
  ],
  schema: z.object({ handle: requiredText('Speaker handle'), name: maybeText(), org: maybeText(), group: maybeText() }),
  async handler({ core, channel }, { handle, name, org, group }) {
    const speaker = await core.editSpeaker(channel, handle, { name, organisation: org, group });
    const details = [speaker.organisation, speaker.group].filter(Boolean).join(', ');
    return { reply: notice(`Speaker ${speaker.handle} is now: ${speaker.name}${details ? ` (${details})` : ''}. Their proposals and reactions stay.`) };
  },
});
