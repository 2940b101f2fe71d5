/** `plenary demo`: replays the seed's panel through the real core and a temporary SQLite store. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../src/config.ts';
import { Plenary } from '../src/plenary.ts';
import { openStore } from '../src/store/open-store.ts';
import { seededRandom } from '../src/linear-algebra.ts';
import { ConsoleAdapter } from '../adapters/console/console-adapter.ts';
import { say, type Language } from '../src/wording/say.ts';
import { CAMP_SWING, DEMO_AUDIENCE, DEMO_COMMENTS, DEMO_LEANINGS, DEMO_MODERATOR, DEMO_SPEAKERS, GROUP_LANGUAGES, SOVEREIGNTY_CAMP } from './demo-script.ts';


// Seeded, so every demo run tells the same story.
export function demoLines(random = seededRandom(2016)): { panel: string[]; audience: string[]; closing: string[] } {
  const m = `${DEMO_MODERATOR}:`;
  const panel = [
    `${m} /session start Session III: International cooperation in cyberspace theme:"How to promote international cooperation in cyberspace, kept as a realm for peaceful activity"`,
  ];
  for (const s of DEMO_SPEAKERS) panel.push(`${m} /speaker add ${s.handle} ${s.name} org:"${s.org}" group:${s.group}`);
  for (const s of DEMO_SPEAKERS) for (const p of s.priorities) panel.push(`${m} /priority add ${s.handle} ${p}`);
  panel.push(`${m} /priority post all`);

  const audience: string[] = [];
  const spoken = new Set<string>();
  let index = 0;
  const proposals = DEMO_SPEAKERS.reduce((n, s) => n + s.priorities.length, 0);
  for (const [group, count] of DEMO_AUDIENCE) {
    for (let i = 0; i < count; i++) {
      const name = `aud${String(++index).padStart(2, '0')}`;
      if (group) audience.push(`${name}: /iam ${group}`);
      const kind = group ?? 'unspecified';
      const leanings = DEMO_LEANINGS[kind];
      // Each person writes in one language, the likelier ones of their group more often.
      const languages = GROUP_LANGUAGES[kind];
      const language = languages[Math.floor(random() ** 1.6 * languages.length)];
      // A government in the other camp swings the other way on sovereignty, the code and free flow.
      const liberalGovernment = group === 'government' && random() > SOVEREIGNTY_CAMP;
      const temper = (random() - 0.5) * 0.4; // some people are keener than others on everything
      for (let p = 1; p <= proposals; p++) {
        if (random() < 0.12) continue; // not everyone reacts to everything
        const lean = leanings[p - 1] + (liberalGovernment ? (CAMP_SWING[p] ?? 0) : 0) + temper + (random() - 0.5) * 0.7;
        const stance = lean > 0.35 ? 'support' : lean < -0.2 ? 'oppose' : 'neutral';
        const said = DEMO_COMMENTS[p][stance] ?? {};
        // Each remark is made once: two people never post the same words.
        const comment = (said as Record<string, string>)[language];
        const fresh = comment !== undefined && !spoken.has(comment);
        const how = random();
        if (fresh && how < 0.2) {
          spoken.add(comment);
          audience.push(`${name}: /react P${p} ${stance} ${comment}`);
        }
        else if (how < 0.42) audience.push(`${name}: +${{ support: ':+1:', neutral: ':neutral_face:', oppose: '👎🏽' }[stance]} P${p}`);
        else audience.push(`${name}: /react P${p} ${{ support: 'agree', neutral: 'pass', oppose: 'disagree' }[stance]}`);
      }
    }
  }
  const closing = [`${m} /summary post`, `${m} /session close`, 'you: /digest'];
  return { panel, audience, closing };
}

/** The demo's conference on a temporary SQLite store (the plain demo and `demo --screen` share it). */
export async function openDemoPanel(language: Language = 'en') {
  const dir = mkdtempSync(join(tmpdir(), 'plenary-demo-'));
  const store = await openStore(`sqlite://${join(dir, 'demo.sqlite')}`);
  const config = parseConfig({
    conference: { name: 'UN Cybersecurity Conference', timezone: 'Asia/Shanghai', language },
    roles: { organisers: ['console:you'], moderators: [`console:${DEMO_MODERATOR}`] },
  });
  return { dir, store, core: new Plenary({ store, config }) };
}

/** `language` (`--lang`): the terminal's replies and the posts, summary and digest are in it. */
export async function demo(out: NodeJS.WritableStream, language: Language = 'en'): Promise<void> {
  const started = Date.now();
  const { dir, store, core } = await openDemoPanel(language);
  const print = (line: string) => out.write(`${line}\n`);
  const terminal = new ConsoleAdapter({ core, write: print, locale: language });
  const { panel, audience, closing } = demoLines();
  try {
    print(`# ${say('cli.demo.title', {}, language)}`);
    for (const line of panel) {
      print(`> ${line}`);
      await terminal.handleLine(line);
    }
    print(`# ${say('cli.demo.audience', { lines: audience.length }, language)}`);
    let shown = 0;
    const quiet = new ConsoleAdapter({ core, write: () => {} });
    for (const line of audience) {
      if (shown < 12) {
        shown++;
        print(`> ${line}`);
        await terminal.handleLine(line);
      } else await quiet.handleLine(line);
    }
    for (const line of closing) {
      print(`> ${line}`);
      await terminal.handleLine(line);
    }
    const digest = await core.summaries.digest(core.summaries.today(core.now()));
    print(`# ${say('cli.demo.done', { seconds: (Date.now() - started) / 1000, reactions: digest.totals.reactions, participants: digest.totals.participants }, language)}`);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
