/**
 * The default stakeholder groups' names in the reader's language (`civil-society` → «المجتمع المدني»).
 * The id stays the same everywhere (commands, JSON, CSV); English shows the id, as it always has, and a
 * configured group of the conference's own is shown as configured.
 */
import { english, type MessageId } from './catalogues.ts';
import { say, type Locale } from './say.ts';

export function groupName(id: string, locale: Locale | undefined): string {
  const key = `group.${id}`;
  if (!locale || locale === 'en' || !(key in english)) return id;
  return say(key as MessageId, {}, locale);
}
