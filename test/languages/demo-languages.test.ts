// `plenary demo --lang <code>` in each of the six languages, in process (the real core, store and terminal):
// the demo's own lines and everything worded by the catalogue come out in that language, the panel completes.
import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { demo } from '../../cli/demo.ts';
import { english } from '../../src/wording/catalogues.ts';
import { LOCALES, say } from '../../src/wording/say.ts';

async function run(language: (typeof LOCALES)[number]): Promise<string> {
  const out = new PassThrough();
  let text = '';
  out.on('data', (chunk) => (text += chunk));
  await demo(out, language);
  return text;
}

// English sentences of the catalogue without placeholders: none may appear in another language's run.
const englishSentences = Object.values(english).filter((text) => !/[{}]/.test(text) && text.length >= 20);

describe('plenary demo --lang', () => {
  for (const language of LOCALES) {
    it(`runs the whole panel in ${language}`, async () => {
      const output = await run(language);
      expect(output).toContain(`# ${say('cli.demo.title', {}, language)}`);
      // The closing line, worded in the language: its text up to the first number.
      const opening = say('cli.demo.done', { seconds: 1, reactions: 2, participants: 3 }, language).split(/[0-9٠-٩]/)[0];
      expect(opening.length).toBeGreaterThan(2);
      expect(output).toContain(`# ${opening}`);
      if (language !== 'en') for (const sentence of englishSentences) expect(output).not.toContain(sentence);
    }, 60_000);
  }
});
