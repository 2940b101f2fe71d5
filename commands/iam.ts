import { defineCommand } from './command.ts';
import { text } from './options.ts';
import { notice } from '../src/views.ts';
import { say } from '../src/wording/say.ts';

export default defineCommand({
  name: 'iam',
  description: 'Declare your stakeholder group for the whole conference',
  role: 'participant',
  options: { group: text('Your stakeholder group', { label: 'Stakeholder group', positional: true, required: true, choices: 'group' }) },
  async handler({ core, user, locale }, { group }) {
    const declared = await core.declareGroup(user, group);
    return { reply: notice(say('done.iam', { group: declared }, locale)) };
  },
});
