/**
 * A log line (stderr) in the operator's language: the logger's message is always a `log.*` catalogue id with
 * its parameters, so no English is written into a call site (test/languages/log-lines.test.ts scans for it).
 */
import { say, type MessageId, type MessageParams } from './say.ts';
import { operatorLanguage } from './operator-language.ts';

export type LogLineId = Extract<MessageId, `log.${string}`>;
export const logLine = (id: LogLineId, params: MessageParams = {}): string => say(id, params, operatorLanguage());
