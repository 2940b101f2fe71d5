/** The demo's audience is believable: comments fit the proposal, the stance and the speaker's language. */
import { describe, expect, it } from 'vitest';
import { demoLines } from '../../cli/demo.ts';
import { DEMO_COMMENTS, GROUP_LANGUAGES } from '../../cli/demo-script.ts';
import { terminalPanel } from '../helpers/terminal.ts';

describe('the demo audience', () => {
  const { panel, audience, closing } = demoLines();

  it('is reproducible (seeded)', () => {
    expect(demoLines().audience).toEqual(audience);
  });

  it('says only what fits: each comment belongs to that proposal and stance, in a language of the commenter’s group, never twice', () => {
    const groupOf = new Map<string, string>();
    const seen = new Set<string>();
    let comments = 0;
    for (const line of audience) {
      const iam = /^(\w+): \/iam (\S+)$/.exec(line);
      if (iam) groupOf.set(iam[1], iam[2]);
      const react = /^(\w+): \/react P(\d+) (support|neutral|oppose) (.+)$/.exec(line);
      if (!react) continue;
      const [, who, n, stance, text] = react;
      const said = DEMO_COMMENTS[Number(n)][stance as 'support'] ?? {};
      const language = Object.entries(said).find(([, t]) => t === text)?.[0];
      expect(language, `${line}: not a remark written for P${n} ${stance}`).toBeDefined();
      expect(GROUP_LANGUAGES[groupOf.get(who) ?? 'unspecified']).toContain(language);
      expect(seen.has(text), `said twice: ${text}`).toBe(false);
      seen.add(text);
      comments++;
    }
    expect(comments).toBeGreaterThanOrEqual(30);
    expect(new Set([...seen].map((t) => /[\u4e00-\u9fff]/.test(t) ? 'zh' : /[\u0600-\u06ff]/.test(t) ? 'ar' : /[\u0400-\u04ff]/.test(t) ? 'ru' : 'latin')).size).toBe(4);
  });

  it('holds a consensus and a divisive proposal, and opposition on most proposals', async () => {
    const p = await terminalPanel({ conference: { name: 'UN Cybersecurity Conference', timezone: 'Asia/Shanghai' }, roles: { organisers: ['console:you'], moderators: ['console:stauffacher'] } });
    await p.run(...panel, ...audience, ...closing);
    const json = await p.digestJson(p.core.summaries.today(p.core.now()));
    const proposals = json.sessions[0].proposals as Array<{ code: string; label: string | null; oppose: number }>;
    const label = (code: string) => proposals.find((x) => x.code === code)?.label;
    expect(label('P4')).toBe('consensus'); // national incident response teams
    expect(label('P8')).toBe('divisive'); // cyber sovereignty
    expect(label('P9')).toBe('divisive'); // a UN code of conduct
    expect(proposals.filter((x) => x.oppose > 0).length).toBeGreaterThanOrEqual(9);
    expect(json.totals.participants).toBe(50);
  });
});
