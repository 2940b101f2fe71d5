import { defineCommand } from './command.ts';
import { notice } from '../src/views.ts';

export default defineCommand({
  name: 'forgetme',
  description: 'Delete your reactions, comments and stakeholder group',
  role: 'participant',
  options: {},
  async handler({ core, user }) {
    const { reactions, group } = await core.forget(user);
    return { reply: notice(`Forgotten: ${reactions} reaction${reactions === 1 ? '' : 's'} and comments${group ? ', and your stakeholder group' : ''}.`) };
  },
});
