/**
 * Discord's `description_localizations`: Discord has no Arabic locale, and knows Spanish and Chinese
 * under two tags each. Descriptions keep Discord's 1–100 character rule in every language.
 */
import { english, type MessageId } from './catalogues.ts';
import { say, type MessageParams } from './say.ts';

export const DISCORD_LOCALES = { 'es-ES': 'es', 'es-419': 'es', fr: 'fr', ru: 'ru', 'zh-CN': 'zh', 'zh-TW': 'zh' } as const;
const MAX_DESCRIPTION = 100;
const clip = (text: string) => (text.length <= MAX_DESCRIPTION ? text : `${text.slice(0, MAX_DESCRIPTION - 1)}…`);

/** The description for a stable key (`command.react`, `command.session-start`) in each Discord locale plenary speaks. */
export function discordDescriptions(key: string, params: MessageParams = {}): Partial<Record<keyof typeof DISCORD_LOCALES, string>> | undefined {
  if (!(key in english)) return undefined;
  return Object.fromEntries(Object.entries(DISCORD_LOCALES).map(([tag, locale]) => [tag, clip(say(key as MessageId, params, locale))]));
}
