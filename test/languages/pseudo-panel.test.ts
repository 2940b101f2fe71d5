// The pseudo-locale run through the whole terminal panel: posts and private replies both in the pseudo-locale,
// every output line may hold only accented catalogue text, participants' and the configuration's text,
// ids, codes, numbers, emoji, URLs and slash-command syntax — never an English word of our own catalogue.
import { describe, expect, it } from 'vitest';
import { ConsoleAdapter } from '../../adapters/console/console-adapter.ts';
import { commands } from '../../commands/registry.ts';
import { FIXED_CHOICES } from '../../commands/options.ts';
import { terminalPanel } from '../helpers/terminal.ts';
import { english } from '../../src/wording/catalogues.ts';
import { PSEUDO_OPEN } from '../../src/wording/say.ts';

const PANEL = [
  'mod: /session start Cyber norms theme:"Trust online"',
  'mod: /speaker add icann Ana org:ICANN group:technical-community',
  'mod: /speaker list',
  'mod: /priority add icann Keep the root stable',
  'mod: /priority add icann Fund capacity building',
  'mod: /priority post all',
  'amy: /iam civil-society',
  'amy: /react P1 support We need clear rules',
  'bob: +👍 P1',
  'bob: +👎 P2',
  'bob: /react P9 support',
  'amy: /menu',
  'mod: /session status',
  'mod: /summary post',
  'amy: /help',
  'amy: /help session start',
  'mod: /session close',
  'org: /digest format:md',
  'org: /digest',
];

const PARTICIPANT_AND_CONFIG = 'Cyber norms Trust online Ana ICANN Keep the root stable Fund capacity building We need clear rules Test Conference Asia Shanghai amy bob mod org main';
const ICU = ['plural', 'select', 'selectordinal', 'one', 'other', 'few', 'many', 'zero', 'two', 'yes', 'number', 'date', 'time'];

/** Words allowed to stay English: slash-command syntax (names, options, choices) and ids. */
function allowedWords(): Set<string> {
  const words = new Set<string>(ICU);
  for (const c of commands) {
    for (const w of c.name.split(' ')) words.add(w);
    for (const o of c.options) words.add(o.name);
  }
  for (const list of [FIXED_CHOICES.format, FIXED_CHOICES.results]) for (const w of list) words.add(w);
  for (const w of ['all', 'auto', 'http', 'https', 'localhost', 'console', 'technical-community', 'civil-society', 'ar', 'en', 'es', 'fr', 'ru', 'zh']) words.add(w);
  for (const w of PARTICIPANT_AND_CONFIG.split(' ')) words.add(w.toLowerCase());
  return words;
}

const catalogueWords = new Set(
  Object.values(english as Record<string, string>).flatMap((text) => text.replace(/\{[a-zA-Z]+/g, ' ').match(/[A-Za-z]{3,}/g) ?? []).map((w) => w.toLowerCase()),
);

describe('the pseudo-locale through the whole terminal panel', () => {
  it('leaves no English word of the catalogue in any line', async () => {
    const p = await terminalPanel();
    (p.core.config.conference as { language: string }).language = 'pseudo'; // posts too, not only private replies
    const output: string[] = [];
    const terminal = new ConsoleAdapter({ core: p.core, write: (line) => output.push(line), locale: 'pseudo' });
    try {
      for (const line of PANEL) await terminal.handleLine(line);
      expect(output.join('\n')).toContain(PSEUDO_OPEN);
      const allowed = allowedWords();
      const english = output.flatMap((line) => {
        const text = line.replace(/https?:\/\/\S+/g, ' ').replace(/^\[[^\]]+\]/, ' ');
        const found = (text.match(/[\p{L}\p{N}_-]+/gu) ?? [])
          .filter((w) => /^[A-Za-z-]+$/.test(w) && !allowed.has(w.toLowerCase()) && w.split('-').some((part) => catalogueWords.has(part.toLowerCase())));
        return found.length ? [`${found.join(',')}  ←  ${line}`] : [];
      });
      expect(english).toEqual([]);
    } finally {
      await p.close();
    }
  });
});
