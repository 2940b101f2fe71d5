/**
 * Every sentence plenary writes comes from here: an ICU MessageFormat catalogue per language,
 * formatted by @formatjs/intl (CLDR plural and number rules), so wording exists once and translates.
 */
import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { english, type MessageId } from './catalogues.ts';
import { translations } from './translations.ts';

export type { MessageId } from './catalogues.ts';
export const LOCALES = ['en', 'ar', 'es', 'fr', 'ru', 'zh'] as const;
/** A language a reader can choose; `pseudo` is the accented English that proves nothing bypasses the catalogue. */
export type Language = (typeof LOCALES)[number];
export type Locale = Language | 'pseudo';
export type MessageParams = Record<string, string | number | Date>;
type Catalogue = Partial<Record<MessageId, string>>;

/** Catalogues other than English (src/wording/<locale>/…); a missing key falls back to English. */
const catalogues = new Map<Locale, Catalogue>([['en', english]]);
export function registerCatalogue(locale: Locale, messages: Catalogue): void {
  catalogues.set(locale, messages);
  intls.delete(locale);
  selectors.clear();
  said.clear();
}
/** A language's catalogue is read the first time someone speaks it (start-up only reads English). */
function catalogueOf(locale: Language): Catalogue {
  let catalogue = catalogues.get(locale);
  if (!catalogue) {
    catalogue = translations[locale as Exclude<Language, 'en'>]();
    catalogues.set(locale, catalogue);
  }
  return catalogue;
}

const cache = createIntlCache();
const intls = new Map<Locale, IntlShape<string>>();
function intlFor(locale: Locale): IntlShape<string> {
  let intl = intls.get(locale);
  if (!intl) {
    const messages =
      locale === 'pseudo'
        ? Object.fromEntries(Object.entries(english).map(([id, text]) => [id, pseudoMessage(text)]))
        : { ...english, ...catalogueOf(locale) };
    intl = createIntl(
      { locale: locale === 'pseudo' ? 'en' : locale, defaultLocale: 'en', messages: messages as Record<string, string>, onError: () => {} },
      cache,
    );
    intls.set(locale, intl);
  }
  return intl;
}

/** The sentence for `id` in `locale`, with `params` filled in (user text is a value, never parsed as ICU). */
export function say(id: MessageId, params: MessageParams = {}, locale: Locale = 'en'): string {
  const key = memoKey(id, params, locale);
  const known = key === undefined ? undefined : said.get(key);
  if (known !== undefined) return known;
  const text = format(id, params, locale);
  if (key !== undefined) {
    if (said.size >= SAID_MAX) said.clear();
    said.set(key, text);
  }
  return text;
}

/**
 * Sentences already formatted, for parameters that are a few short words or numbers (a code, a stance, a
 * count): the hot replies (`You support P2.`) repeat, and ICU formatting costs more than the rest of a /react.
 * Bounded: cleared when full. User text (long) and dates are formatted each time.
 */
const said = new Map<string, string>();
const SAID_MAX = 4096;
function memoKey(id: MessageId, params: MessageParams, locale: Locale): string | undefined {
  let key = `${locale}\u0000${id}`;
  for (const name in params) {
    const value = params[name];
    if (typeof value === 'string' ? value.length > 24 || value.includes('\u0000') : typeof value !== 'number') return undefined;
    key += `\u0000${name}\u0001${typeof value === 'number' ? '#' : ''}${value}`;
  }
  return key;
}

function format(id: MessageId, params: MessageParams, locale: Locale): string {
  const values = isRightToLeft(locale) ? isolateAll(params, selectorsOf(id, locale as Language)) : params;
  return intlFor(locale).formatMessage({ id, defaultMessage: english[id] }, values) as string;
}

export const isLocale = (value: string): value is Language => (LOCALES as readonly string[]).includes(value);
export const isRightToLeft = (locale: Locale | undefined): boolean => locale === 'ar';
export const directionOf = (locale: Locale | undefined): 'rtl' | 'ltr' => (isRightToLeft(locale) ? 'rtl' : 'ltr');

/**
 * Wraps text in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE, so a Latin proposal inside an Arabic
 * sentence (or Arabic text inside an English one) keeps its own order and does not reorder its neighbours.
 * The marks are invisible; the text itself is untouched.
 */
export const isolate = (text: string): string => `\u2068${text}\u2069`;
function isolateAll(params: MessageParams, selectors: ReadonlySet<string>): MessageParams {
  // A link stays bare: the marks would ride along when a reader copies or a platform linkifies it;
  // a select's key stays bare too, or `{kind, select, proposal {…}}` would never match it.
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' && v !== '' && !selectors.has(k) && !/^https?:\/\//.test(v) ? isolate(v) : v]));
}
/** The arguments a language's message uses as select keys (English may print one as it is where another language selects on it). */
const selectors = new Map<string, ReadonlySet<string>>();
function selectorsOf(id: MessageId, locale: Language): ReadonlySet<string> {
  let found = selectors.get(`${locale} ${id}`);
  if (!found) {
    const names = new Set<string>();
    const walk = (elements: MessageFormatElement[]): void => {
      for (const element of elements) {
        if (element.type === TYPE.select) names.add(element.value);
        if (element.type === TYPE.plural || element.type === TYPE.select) for (const option of Object.values(element.options)) walk(option.value);
        if (element.type === TYPE.tag) walk(element.children);
      }
    };
    walk(parse(catalogueOf(locale)[id] ?? english[id] ?? ''));
    selectors.set(`${locale} ${id}`, (found = names));
  }
  return found;
}

/**
 * The catalogue language for a platform locale tag (`zh-CN` → zh, `es-ES` → es, `pt-BR` → the fallback).
 * Discord's `es-419`, Slack's `fr-FR`, a bare `ru` all reduce to their primary subtag.
 */
export function negotiate(tag: string | undefined | null, fallback: Locale): Locale {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  if (primary === 'pseudo') return 'pseudo'; // the terminal's test language (`locale: 'pseudo'`), never a platform's
  return isLocale(primary) ? primary : fallback;
}

// Pseudo-locale: every literal accented and every message bracketed, so English that skipped the catalogue stands out.
const ACCENTS: Record<string, string> = Object.fromEntries(
  [...'aeiouyAEIOUYcnCN'].map((c, i) => [c, [...'àéîõüýÀÉÎÕÜÝçñÇÑ'][i]]),
);
export const PSEUDO_OPEN = '⟦';
export const PSEUDO_CLOSE = '⟧';
function accent(text: string): string {
  return text.replace(/[aeiouyAEIOUYcnCN]/g, (c) => ACCENTS[c] ?? c);
}
function accentTree(elements: MessageFormatElement[]): MessageFormatElement[] {
  return elements.map((element) => {
    if (element.type === TYPE.literal) return { ...element, value: accent(element.value) };
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      const options = Object.fromEntries(Object.entries(element.options).map(([k, o]) => [k, { ...o, value: accentTree(o.value) }]));
      return { ...element, options } as MessageFormatElement;
    }
    if (element.type === TYPE.tag) return { ...element, children: accentTree(element.children) };
    return element;
  });
}
function pseudoMessage(text: string): MessageFormatElement[] {
  return [
    { type: TYPE.literal, value: PSEUDO_OPEN },
    ...accentTree(parse(text)),
    { type: TYPE.literal, value: PSEUDO_CLOSE },
  ];
}
