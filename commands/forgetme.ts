import { defineCommand } from './command.ts';
import { notice } from '../src/views.ts';
import { say } from '../src/wording/say.ts';

export default defineCommand({
  name: 'forgetme',
  description: 'Delete your reactions, comments and stakeholder group',
  role: 'participant',
  options: {},
  async handler({ core, user, locale }) {
    const { reactions, group, language, scrubbed } = await core.forget(user);
    const done = say('forgetme.done', { reactions, group: group ? 'yes' : 'no', language: language ? 'yes' : 'no' }, locale);
    if (scrubbed) return { reply: notice(done) };
    return { reply: notice(`${done} ${say('forgetme.not-scrubbed', {}, locale)}`) };
  },
});
