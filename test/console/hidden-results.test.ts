/** results:hidden — no participant sees a count by any path until the close; moderators see them privately. */
import { describe, expect, it } from 'vitest';
import { terminalPanel } from '../helpers/terminal.ts';
import { renderView as slackRender } from '../../adapters/slack/render.ts';
import { renderView as discordRender } from '../../adapters/discord/render.ts';
import { executeLine } from '../../commands/execute.ts';
import { withheldDigest } from '../../src/hidden-results.ts';

async function hiddenPanel() {
  const p = await terminalPanel();
  await p.run(
    'mod: /session start Hidden vote results:hidden',
    'mod: /speaker add icann ICANN',
    'mod: /priority add icann Keep identifiers coordinated',
    'mod: /priority add icann Fight DNS abuse',
    'alice: /iam academia',
    'alice: /react P1 support Strongly agree',
    'bob: /react P1 support',
    'carol: /react P2 oppose',
  );
  return p;
}

// Any digit after a count word or emoji would be a leak; the session has 3 reactions in all.
const LEAK = /[👍😐👎]\s*[1-9]|\b[1-9]\d* (support|oppose|reactors?|participants?)\b|Strongly agree|\b\d+%/;

describe('hidden results', () => {
  it('participants see no count on cards, /menu, /summary or /session status; posts are hidden too', async () => {
    const p = await hiddenPanel();
    for (const line of ['dave: /menu', 'dave: /summary', 'dave: /session status', 'mod: /priority post all', 'mod: /menu post', 'mod: /summary post']) {
      const out = (await p.run(line)).filter((l) => !l.startsWith('[to mod] Posting') && !/posted\.$/.test(l));
      expect(out.join('\n'), line).not.toMatch(LEAK);
      expect(out.join('\n'), line).toMatch(/hidden until the session closes|menu is being posted|summary is being posted/);
    }
  });

  it('the Slack and Discord renderings of a participant view carry no count either', async () => {
    const p = await hiddenPanel();
    const ctx = { core: p.core, user: 'discord:9', channel: 'console:main', role: 'participant' as const, platform: 'discord' as const };
    for (const line of ['/menu', '/summary', '/session status']) {
      const { reply } = await executeLine(line, ctx);
      expect(JSON.stringify(slackRender(reply!)), line).not.toMatch(LEAK);
      expect(JSON.stringify(discordRender(reply!)), line).not.toMatch(LEAK);
    }
    const { posts } = await executeLine('/priority post all', { ...ctx, user: 'console:mod', role: 'moderator' });
    for (const post of posts!) {
      expect(JSON.stringify(slackRender(post.view))).not.toMatch(LEAK);
      expect(JSON.stringify(discordRender(post.view))).toMatch(/hidden until the session closes/);
    }
  });

  it('moderators and organisers see the counts privately', async () => {
    const p = await hiddenPanel();
    expect((await p.run('mod: /menu')).join('\n')).toMatch(/P1 · ICANN: Keep identifiers coordinated {2}\[👍 2 · 😐 0 · 👎 0\]/);
    expect((await p.run('mod: /summary')).join('\n')).toMatch(/2 reactors, 100% support/);
    expect((await p.run('org: /session status')).join('\n')).toMatch(/3 reactions · 3 participants/);
    expect((await p.run('org: /digest')).join('\n')).toMatch(/👍 2/);
    // A posted digest keeps the open hidden session hidden.
    const posted = withheldDigest(await p.core.summaries.digest('2026-11-28'));
    expect(posted.sessions[0]).toMatchObject({ hidden: true, participants: 0 });
    expect(posted.sessions[0].proposals.every((x) => x.reactors === 0 && x.comments.length === 0)).toBe(true);
    expect(posted.totals.reactions).toBe(0);
  });

  it('at the close the final summary and the cards show everything', async () => {
    const p = await hiddenPanel();
    const out = (await p.run('mod: /session close')).join('\n');
    expect(out).toMatch(/Final summary .* 3 participants/);
    expect(out).toMatch(/2 reactors, 100% support/);
    expect(out).toMatch(/Strongly agree/);
    expect((await p.run('dave: /menu')).join('\n')).toMatch(/\[👍 2 · 😐 0 · 👎 0\] \(session closed\)/);
  });
});
