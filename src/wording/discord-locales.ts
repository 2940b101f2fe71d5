/**
 * Discord's `description_localizations`: Discord has no Arabic locale, and knows Spanish and Chinese
 * under two tags each. Descriptions keep Discord's 1–100 character rule in every language.
 */
import { english, type MessageId } from './catalogues.ts';
import { say, type MessageParams } from './say.ts';

export const DISCORD_LOCALES = { 'es-ES': 'es', 'es-419': 'es', fr: 'fr', ru: 'ru', 'zh-CN': 'zh', 'zh-TW': 'zh' } as const;
const MAX_DESCRIPTION = 100;
const clip = (text: string) => (text.length <= MAX_DESCRIPTION ? text : `${text.slice(0, MAX_DESCRIPTION - 1)}…`);

/** The command's description in each Discord locale plenary speaks, or undefined for a command with no catalogue entry. */
export function discordDescriptions(commandName: string, params: MessageParams = {}): Record<string, string> | undefined {
  const id = commandName === 'group' ? 'command.group' : `command.${commandName.replace(/ /g, '.')}`;
  if (!(id in english)) return undefined;
  return Object.fromEntries(Object.entries(DISCORD_LOCALES).map(([tag, locale]) => [tag, clip(say(id as MessageId, params, locale))]));
}
