import { z } from 'zod';
import { defineCommand } from './command.ts';
import { requiredText, optionalText } from './shared.ts';
import { notice } from '../src/views.ts';

export default defineCommand({
  name: 'speaker add',
  description: 'Add a speaker (a stakeholder) to the session',
  usage: '<handle> <name…> [org:"…"] [group:<group>]',
  role: 'moderator',
  options: [
    { name: 'handle', description: 'Short handle, e.g. icann', type: 'text', positional: true, required: true, maxLength: 24 },
    { name: 'name', description: 'Display name (up to 100 characters)', type: 'text', positional: true, required: true, maxLength: 100 },
    { name: 'org', description: 'Organisation (up to 100 characters)', type: 'text', maxLength: 100 },
    { name: 'group', description: 'Stakeholder group', type: 'text', choices: 'group' },
  ],
  schema: z.object({ handle: requiredText('Speaker handle'), name: requiredText('Speaker name'), org: optionalText(), group: optionalText() }),
  async handler({ core, channel }, { handle, name, org, group }) {
    const speaker = await core.addSpeaker(channel, { handle, name, organisation: org, group });
    const details = [speaker.organisation, speaker.group].filter(Boolean).join(', ');
    return {
      reply: notice(`Speaker ${speaker.handle} added: ${speaker.name}${details ? ` (${details})` : ''}. Add priorities with /priority add ${speaker.handle} <text>.`),
    };
  },
});
