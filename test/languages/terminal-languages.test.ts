// One terminal panel end to end in each of the six languages (conference.language), with its digest:
// what the catalogue words comes out in that language, participants' text stays byte for byte, and the
// digest's JSON keys and group ids stay English. A pseudo-locale run shows the catalogued wording is
// all accented (nothing of it bypasses say()).
import { describe, expect, it } from 'vitest';
import { ConsoleAdapter } from '../../adapters/console/console-adapter.ts';
import { terminalPanel, TEST_CONFIG } from '../helpers/terminal.ts';
import { groupName } from '../../src/wording/group-names.ts';
import { LOCALES, PSEUDO_OPEN, say, type Language } from '../../src/wording/say.ts';

const ARABIC_COMMENT = 'نحتاج إلى قواعد واضحة';
const CHINESE_PRIORITY = '能力建设 for all';

async function panel(language: Language) {
  const p = await terminalPanel({ ...TEST_CONFIG, conference: { ...TEST_CONFIG.conference, language } });
  const out = await p.run(
    'mod: /session start Cyber norms',
    'mod: /speaker add icann Ana group:technical-community',
    `mod: /priority add icann ${CHINESE_PRIORITY}`,
    'mod: /priority post all',
    'amy: /iam civil-society',
    `amy: /react P1 support ${ARABIC_COMMENT}`,
    'bob: +👍 P1',
    'bob: /react P9 support',
    'amy: /lang klingon',
    'mod: /summary post',
    'mod: /session close',
    'org: /digest',
  );
  const sid = (await p.core.sessionInChannel('console:main'))?.id ?? '';
  return { ...p, sid, out: out.join('\n') };
}

describe('a terminal panel in each of the six languages', () => {
  for (const language of LOCALES) {
    it(`runs in ${language}, with its digest`, async () => {
      const { out, sid, digestJson, close } = await panel(language);
      try {
        expect(out).toContain(say('reply.stance.set', { stance: 'support', code: 'P1', commentKept: 'no' }, language));
        expect(out).toContain(say('refusal.priority.unknown', { number: 9, session: sid }, language));
        expect(out).toContain(say('refusal.lang.unknown', { given: 'klingon' }, language));
        expect(out).toContain(CHINESE_PRIORITY);
        const digest = await digestJson();
        expect(Object.keys(digest)).toEqual(expect.arrayContaining(['totals']));
        expect(JSON.stringify(digest)).toContain(ARABIC_COMMENT);
        expect(JSON.stringify(digest)).toContain('civil-society');
        // The summary names the default group in the language; JSON keeps its id.
        expect(out).toContain(`— ${groupName('civil-society', language)}`);
        if (language !== 'en') expect(groupName('civil-society', language)).not.toBe('civil-society');
      } finally {
        await close();
      }
    });
  }

  it('/lang sets the language of one reader’s private replies; posts keep the conference language', async () => {
    const p = await terminalPanel({ ...TEST_CONFIG, conference: { ...TEST_CONFIG.conference, language: 'fr' } });
    try {
      const set = await p.run('amy: /lang ru');
      expect(set.join('\n')).toContain(say('lang.set', { language: 'русский' }, 'ru'));
      expect((await p.run('amy: /lang klingon')).join('\n')).toContain(say('refusal.lang.unknown', { given: 'klingon' }, 'ru'));
      expect((await p.run('bob: /lang klingon')).join('\n')).toContain(say('refusal.lang.unknown', { given: 'klingon' }, 'fr'));
      const forgot = (await p.run('amy: /forgetme')).join('\n');
      expect(forgot).toContain(say('forgetme.done', { reactions: 0, group: 'no', language: 'yes' }, 'ru'));
      expect(say('forgetme.done', { reactions: 0, group: 'no', language: 'yes' }, 'en')).toContain('language choice');
      const again = (await p.run('amy: /forgetme')).join('\n');
      expect(again).toContain(say('forgetme.done', { reactions: 0, group: 'no', language: 'no' }, 'fr'));
      expect(again).not.toContain(say('forgetme.done', { reactions: 0, group: 'no', language: 'yes' }, 'fr'));
      expect((await p.run('amy: /lang klingon')).join('\n')).toContain(say('refusal.lang.unknown', { given: 'klingon' }, 'fr'));
    } finally {
      await p.close();
    }
  });

  it('the pseudo-locale accents every catalogued line of a panel', async () => {
    const p = await terminalPanel();
    const output: string[] = [];
    const terminal = new ConsoleAdapter({ core: p.core, write: (line) => output.push(line), locale: 'pseudo' });
    try {
      for (const line of ['mod: /session start Norms', 'mod: /speaker add icann Ana', 'mod: /priority add icann Keep it', 'bob: +👍 P1', 'bob: /react P9 support', 'amy: /lang klingon'])
        await terminal.handleLine(line);
      const privateLines = output.filter((line) => /^\[to (bob|amy)\]/.test(line));
      expect(privateLines.length).toBeGreaterThanOrEqual(3);
      for (const line of privateLines) expect(line).toContain(PSEUDO_OPEN);
    } finally {
      await p.close();
    }
  });
});
