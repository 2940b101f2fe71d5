import { defineCommand } from './command.ts';
import { text } from './options.ts';
import { notice } from '../src/views.ts';
import { Refusal } from '../src/errors.ts';
import { chooseLanguage } from '../src/languages.ts';
import { isLocale, say, type Language } from '../src/wording/say.ts';

export default defineCommand({
  name: 'lang',
  description: 'Your language for private replies, on every platform (or auto: your platform’s)',
  role: 'participant',
  options: { language: text('ar, en, es, fr, ru, zh, or auto (your platform’s language)', { label: 'Language', positional: true, required: true }) },
  async handler({ core, user }, { language }) {
    const wanted = language.toLowerCase();
    if (wanted !== 'auto' && !isLocale(wanted)) throw new Refusal('refusal.lang.unknown', { given: language });
    await chooseLanguage(core.store, user, wanted as Language | 'auto');
    if (wanted === 'auto') {
      // The platform's locale is the adapter's to read; this one answer is in the conference language.
      const fallback = core.config.conference.language as Language;
      return { reply: notice(say('lang.auto', { language: say(`language.${fallback}`, {}, fallback) }, fallback)) };
    }
    const chosen = wanted as Language;
    return { reply: notice(say('lang.set', { language: say(`language.${chosen}`, {}, chosen) }, chosen)) };
  },
});
