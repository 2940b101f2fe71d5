// /help in the reader's language: command and option descriptions and the role/optional words come from the catalogue.
import { describe, expect, it } from 'vitest';
import { terminalPanel, TEST_CONFIG } from '../helpers/terminal.ts';
import { say, type Language } from '../../src/wording/say.ts';

describe('/help in each language', () => {
  for (const language of ['fr', 'ru', 'zh', 'ar', 'es'] as Language[]) {
    it(`speaks ${language}`, async () => {
      const p = await terminalPanel({ ...TEST_CONFIG, conference: { ...TEST_CONFIG.conference, language } });
      try {
        const one = (await p.run('amy: /help session start')).join('\n');
        expect(one).toContain(say('command.session-start', {}, language));
        expect(one).toContain(say('command.session-start.title', {}, language));
        expect(one).toContain(`${say('command.session-start.theme', {}, language)} ${say('help.optional', {}, language)}`);
        expect(one).toContain(say('help.only-moderators', {}, language));
        expect(one).not.toContain('(optional)');
        expect(one).not.toContain('moderators only');
        const digest = (await p.run('amy: /help digest')).join('\n');
        expect(digest).toContain(say('help.only-organisers', {}, language));
        const all = (await p.run('amy: /help')).join('\n');
        expect(all).toContain(say('command.react', {}, language));
        expect(all).toContain(say('terminal.help.stances', {}, language));
      } finally {
        await p.close();
      }
    });
  }
});
