/**
 * The English catalogue, one file per area (src/wording/en/<area>.ts), merged here.
 * Keys are dotted identifiers (`refusal.priority.limit`); values are ICU MessageFormat.
 * Write apostrophes as ’ (U+2019): a plain ' is ICU's quote character.
 */
import { common } from './en/common.ts';
import { languages } from './en/languages.ts';
import { commands } from './en/commands.ts';

export const english = { ...common, ...languages, ...commands } as const;
export type MessageId = keyof typeof english;
