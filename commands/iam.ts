import { z } from 'zod';
import { defineCommand } from './command.ts';
import { requiredText } from './shared.ts';
import { notice } from '../src/views.ts';

export default defineCommand({
  name: 'iam',
  description: 'Declare your stakeholder group for the whole conference',
  usage: '<group>',
  role: 'participant',
  options: [{ name: 'group', description: 'Your stakeholder group', type: 'text', positional: true, required: true, choices: 'group' }],
  schema: z.object({ group: requiredText('Stakeholder group') }),
  async handler({ core, user }, { group }) {
    const declared = await core.declareGroup(user, group);
    return { reply: notice(`You count as ${declared} in every summary from now on.`) };
  },
});
