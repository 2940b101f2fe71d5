import { defineCommand } from './command.ts';
import { LIMITS } from '../src/text-rules.ts';
import { text } from './options.ts';
import { notice } from '../src/views.ts';
import { say } from '../src/wording/say.ts';

export default defineCommand({
  name: 'speaker add',
  description: 'Add a speaker (a stakeholder) to the session',
  role: 'moderator',
  options: {
    handle: text('Short handle, e.g. icann', { label: 'Speaker handle', positional: true, required: true, limit: 'handle' }),
    name: text(`Display name (up to ${LIMITS.name} characters)`, { label: 'Speaker name', positional: true, required: true, words: true, limit: 'name' }),
    org: text(`Organisation (up to ${LIMITS.organisation} characters)`, { words: true, limit: 'organisation' }),
    group: text('Stakeholder group', { choices: 'group' }),
  },
  async handler({ core, channel, locale }, { handle, name, org, group }) {
    const speaker = await core.addSpeaker(channel, { handle, name, organisation: org, group });
    const details = [speaker.organisation, speaker.group].filter(Boolean).join(', ');
    return {
      reply: notice(say('done.speaker.added', { handle: speaker.handle, name: speaker.name, details, hasDetails: details ? 'yes' : 'no' }, locale)),
    };
  },
});
