import { say, type Locale } from '../../src/wording/say.ts';

/** What the terminal adds to /help (the command list itself comes from the registry's /help command). */
export function terminalHelpLines(locale?: Locale): string[] {
  return [say('terminal.help.act-as', {}, locale), say('terminal.help.emoji', {}, locale), say('terminal.help.stances', {}, locale)];
}
