/**
 * Which language a reader gets. A private reply: the caller's /lang choice (stored, so it follows them
 * across platforms and restarts), else their platform's locale, else the conference language.
 * A post: always the conference language, because many read it.
 */
import type { FactStore } from './store/fact-store.ts';
import { negotiate, type Language, type Locale } from './wording/say.ts';

/** `lang:<user>` → { language }. /forgetme deletes it with the rest of the participant's facts. */
export const languageKey = (user: string): string => `lang:${user}`;

interface LanguageChoice {
  language: Language;
}

export async function chosenLanguage(store: FactStore, user: string): Promise<Language | undefined> {
  return (await store.get<LanguageChoice>(languageKey(user)))?.language;
}

/** Stores the caller's choice; `auto` removes it so the platform's locale decides again. */
export async function chooseLanguage(store: FactStore, user: string, choice: Language | 'auto'): Promise<void> {
  if (choice === 'auto') await store.delete(languageKey(user));
  else await store.set(languageKey(user), { language: choice } satisfies LanguageChoice);
}

/**
 * The language of a private reply to `user`. `platformLocale` is Discord's interaction locale or Slack's
 * user locale (`fr-FR`), when the adapter knows it. A store that cannot be read leaves the platform's say.
 */
export async function replyLanguage(
  store: FactStore,
  user: string,
  conferenceLanguage: Language,
  platformLocale?: string | null,
): Promise<Locale> {
  const chosen = await chosenLanguage(store, user).catch(() => undefined);
  return chosen ?? negotiate(platformLocale, conferenceLanguage);
}

const TIMED_OUT = Symbol('timed out');

/**
 * A platform's locale per user (Slack's users.info), remembered for an hour so a reply costs no extra
 * round trip, and given up on after `timeoutMs` so a slow API never delays the answer.
 */
export class PlatformLocales {
  private readonly known = new Map<string, { locale: string | undefined; until: number }>();
  constructor(private readonly options: { ttlMs?: number; timeoutMs?: number; now?: () => number } = {}) {}

  async localeOf(user: string, lookup: (user: string) => Promise<string | undefined>): Promise<string | undefined> {
    const now = (this.options.now ?? Date.now)();
    const cached = this.known.get(user);
    if (cached && cached.until > now) return cached.locale;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<typeof TIMED_OUT>((resolve) => (timer = setTimeout(() => resolve(TIMED_OUT), this.options.timeoutMs ?? 700)));
    // A refusal (say, an install without users:read) is remembered like an answer; a timeout is not.
    const locale = await Promise.race([lookup(user).catch(() => undefined), timeout]).finally(() => clearTimeout(timer));
    if (locale === TIMED_OUT) return undefined;
    this.known.set(user, { locale, until: now + (this.options.ttlMs ?? 3_600_000) });
    return locale;
  }

  /** A locale learnt in bulk (Slack's users.list), good for `ttlMs`: that user's first reply asks nothing. */
  remember(user: string, locale: string | undefined, ttlMs: number): void {
    this.known.set(user, { locale, until: (this.options.now ?? Date.now)() + ttlMs });
  }
}
