/** The fr catalogue: one file per area, mirroring src/wording/en/ (test/wording/catalogues.test.ts checks it is complete). */
import type { MessageId } from '../catalogues.ts';
import { common } from './common.ts';
import { languages } from './languages.ts';
import { commands } from './commands.ts';
import { cli } from './cli.ts';
import { log } from './log.ts';
import { refusals } from './refusals.ts';
import { replies } from './replies.ts';
import { delivery } from './delivery.ts';
import { views } from './views.ts';
import { digest } from './digest.ts';
import { forgetme } from './forgetme.ts';
import { commandReplies } from './command-replies.ts';
import { options } from './options.ts';
import { panel } from './panel.ts';

export const catalogue: Record<MessageId, string> = { ...common, ...refusals, ...replies, ...delivery, ...views, ...digest, ...forgetme, ...commandReplies, ...languages, ...commands, ...options, ...panel, ...cli, ...log };
