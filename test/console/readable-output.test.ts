/** What an organiser reads: local times, plurals, spelt-out group cells, a sensible top list, short posted summaries. */
import { describe, expect, it } from 'vitest';
import { terminalPanel } from '../helpers/terminal.ts';
import { digestCsv } from '../../src/digest-format.ts';

describe('readable output', () => {
  it('/session status gives times in the conference time zone and correct plurals', async () => {
    const p = await terminalPanel(); // Asia/Shanghai, clock 2026-11-28T02:00:00Z = 10:00 local
    await p.run('mod: /session start Panel theme:"Who keeps the Internet open?"', 'mod: /speaker add icann ICANN', 'mod: /priority add icann One', 'alice: /react P1 support');
    const status = await p.run('alice: /session status');
    expect(status[0]).toEqual(expect.stringContaining('started 2026-11-28 10:00 (Asia/Shanghai)'));
    expect(status[1]).toMatch(/^\[to alice\] 1 speaker · 1 proposal · 1 reaction · 1 participant · channels: console:main$/);
  });

  it('the theme keeps its own punctuation; summaries spell out group cells and never say "— support"', async () => {
    const p = await terminalPanel();
    const start = await p.run('mod: /session start Panel theme:"Who keeps the Internet open?"');
    expect(start.join('\n')).toContain('Theme: “Who keeps the Internet open?”.');
    expect(start.join('\n')).not.toContain('?.');
    await p.run('mod: /speaker add icann ICANN', 'mod: /priority add icann One', 'mod: /priority add icann Two', 'alice: /iam academia', 'alice: /react P1 support');
    const summary = (await p.run('alice: /summary')).join('\n');
    expect(summary).toContain('by group: academia: 1 support · 0 neutral · 0 oppose');
    expect(summary).toContain('— 1 reactor, 100% support');
    expect(summary).toMatch(/P2 \(icann\) Two — 👍 0 · 😐 0 · 👎 0 — no reactions yet/);
    expect(summary).not.toMatch(/— support|\d\/\d\/\d|1 reactors|1 participants/);
  });

  it('"Top proposals" holds only proposals with support, and the CSV names speakers and counts participants', async () => {
    const p = await terminalPanel();
    await p.run('mod: /session start Panel', 'mod: /speaker add icann ICANN delegate org:ICANN', 'mod: /priority add icann Liked', 'mod: /priority add icann Disliked', 'alice: /react P1 support', 'bob: /react P2 oppose');
    const digest = await p.core.summaries.digest('2026-11-28');
    expect(digest.top.map((x) => x.code)).toEqual(['P1']);
    const [head, first] = digestCsv(digest).split('\r\n');
    expect(head).toBe('date,session,session_title,session_participants,place,code,speaker,speaker_name,speaker_organisation,rank,text,support,neutral,oppose,reactors,score,label,by_group,comments');
    expect(first).toMatch(/^2026-11-28,s\w+,Panel,2,1,P1,icann,ICANN delegate,ICANN,1,Liked,1,0,0,1,/);
  });

  it('a posted summary shows the latest 3 comments per proposal and counts the rest; privately all show', async () => {
    const p = await terminalPanel();
    await p.run('mod: /session start Panel', 'mod: /speaker add icann ICANN', 'mod: /priority add icann One');
    for (const who of ['a', 'b', 'c', 'd', 'e']) await p.run(`${who}: /react P1 support comment from ${who}`);
    const posted = (await p.run('mod: /summary post')).filter((l) => l.startsWith('[#main]')).join('\n');
    expect(posted).not.toContain('comment from b');
    expect(posted).toContain('comment from c');
    expect(posted).toContain('comment from e');
    expect(posted).toContain('+2 more comments');
    const mine = (await p.run('mod: /summary')).join('\n');
    expect(mine).toContain('comment from a');
    expect(mine).not.toContain('more comments');
  });
});
