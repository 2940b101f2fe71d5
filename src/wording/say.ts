/**
 * Every sentence plenary writes comes from here: an ICU MessageFormat catalogue per language,
 * formatted by @formatjs/intl (CLDR plural and number rules), so wording exists once and translates.
 */
import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import { english, type MessageId } from './catalogues.ts';

export type { MessageId } from './catalogues.ts';
export const LOCALES = ['en', 'ar', 'es', 'fr', 'ru', 'zh'] as const;
export type Locale = (typeof LOCALES)[number];
export type MessageParams = Record<string, string | number | Date>;

/** Catalogues other than English register here (src/wording/<locale>/…); a missing key falls back to English. */
const catalogues = new Map<Locale, Partial<Record<MessageId, string>>>([['en', english]]);
export function registerCatalogue(locale: Locale, messages: Partial<Record<MessageId, string>>): void {
  catalogues.set(locale, messages);
  intls.delete(locale);
}

const cache = createIntlCache();
const intls = new Map<Locale, IntlShape<string>>();
function intlFor(locale: Locale): IntlShape<string> {
  let intl = intls.get(locale);
  if (!intl) {
    intl = createIntl(
      { locale, defaultLocale: 'en', messages: { ...english, ...catalogues.get(locale) } as Record<string, string> },
      cache,
    );
    intls.set(locale, intl);
  }
  return intl;
}

/** The sentence for `id` in `locale`, with `params` filled in (user text is a value, never parsed as ICU). */
export function say(id: MessageId, params: MessageParams = {}, locale: Locale = 'en'): string {
  return intlFor(locale).formatMessage({ id, defaultMessage: english[id] }, params) as string;
}

export const isLocale = (value: string): value is Locale => (LOCALES as readonly string[]).includes(value);
