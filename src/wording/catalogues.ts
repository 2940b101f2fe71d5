/**
 * The English catalogue, one file per area (src/wording/en/<area>.ts), merged here.
 * Keys are dotted identifiers (`refusal.priority.limit`); values are ICU MessageFormat.
 * Write apostrophes as ’ (U+2019): a plain ' is ICU's quote character.
 */
import { common } from './en/common.ts';
import { refusals } from './en/refusals.ts';
import { replies } from './en/replies.ts';
import { delivery } from './en/delivery.ts';
import { views } from './en/views.ts';
import { commandReplies } from './en/command-replies.ts';
import { digest } from './en/digest.ts';
import { forgetme } from './en/forgetme.ts';
import { languages } from './en/languages.ts';
import { commands } from './en/commands.ts';
import { options } from './en/options.ts';
import { panel } from './en/panel.ts';
import { cli } from './en/cli.ts';
import { log } from './en/log.ts';

export const english = { ...common, ...refusals, ...replies, ...delivery, ...views, ...commandReplies, ...digest, ...forgetme, ...languages, ...commands, ...options, ...panel, ...cli, ...log } as const;
export type MessageId = keyof typeof english;
