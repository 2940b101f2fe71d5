/**
 * The language of the lines plenary writes for whoever runs it (usage, start-up failures, the screen-off
 * notice): one operator per process, so the command line sets it once (cli/operator-language.ts chooses it).
 */
import type { Locale } from './say.ts';

let current: Locale = 'en';
export const operatorLanguage = (): Locale => current;
export function setOperatorLanguage(locale: Locale): void {
  current = locale;
}
