import { afterEach, describe, expect, it } from 'vitest';
import { terminalPanel } from '../helpers/terminal.ts';
import { ConsoleAdapter } from '../../adapters/console/console-adapter.ts';

let panel: Awaited<ReturnType<typeof terminalPanel>>;
afterEach(async () => panel?.close());

async function openPanel() {
  panel = await terminalPanel();
  await panel.run(
    'mod: /session start Cooperation in cyberspace theme:"International cooperation"',
    'mod: /speaker add icann ICANN delegate org:ICANN group:technical-community',
    'mod: /speaker add china Delegate of China org:"Government of China" group:government',
    'mod: /priority add icann Keep identifiers globally coordinated',
    'mod: /priority add icann Fight DNS abuse together',
    'mod: /priority add china Respect cyber sovereignty',
  );
  return panel;
}

describe('a panel in the terminal', () => {
  it('marks public lines [#main] and private ones [to user]', async () => {
    const p = await terminalPanel();
    panel = p;
    const out = await p.run('mod: /session start Panel one');
    expect(out[0]).toMatch(/^\[#main\] Session s\w+ “Panel one” is open\./);
    expect(out[1]).toMatch(/^\[to mod\] Session s\w+ is open here\./);
    expect(await p.run('hello everyone')).toEqual(['[#main] you: hello everyone']);
  });

  it('posts proposals with codes and counts, and counts stance words, buttons-equivalents and emoji together', async () => {
    const p = await openPanel();
    const posted = await p.run('mod: /priority post all');
    expect(posted.filter((l) => l.startsWith('[#main] P'))).toHaveLength(3);
    expect(posted[0]).toContain('P1 · ICANN delegate, ICANN: Keep identifiers globally coordinated  [👍 0 · 😐 0 · 👎 0]');
    await p.run(
      'alice: /iam civil-society',
      'alice: /react P1 agree',
      'bob: /react p1 +1',
      'carol: +:thumbsup::skin-tone-3: P1',
      'dave: +👎🏽 P1',
      'erin: +:neutral_face: P1',
      'frank: /react P1 ABSTAIN',
      'gina: /react P1 -1 Not with this wording',
      'harry: +:tada: P1',
    );
    const [p1] = (await p.digestJson()).sessions[0].proposals.filter((x: { code: string }) => x.code === 'P1');
    expect(p1).toMatchObject({ support: 3, neutral: 2, oppose: 2, reactors: 7, speaker: 'icann', rank: 1 });
    expect(p1.byGroup['civil-society']).toEqual({ support: 1, neutral: 0, oppose: 0 });
    expect(p1.comments).toEqual([{ text: 'Not with this wording', group: 'unspecified' }]);
  });

  it('the latest action wins; a stance change keeps the comment; clear removes both', async () => {
    const p = await openPanel();
    await p.run('alice: /react P2 support Good start', 'alice: +:-1: P2');
    let p2 = (await p.digestJson()).sessions[0].proposals.find((x: { code: string }) => x.code === 'P2');
    expect(p2).toMatchObject({ support: 0, oppose: 1, comments: [{ text: 'Good start', group: 'unspecified' }] });
    expect(await p.run('alice: /react P2 clear')).toEqual(['[to alice] Your stance on P2 is cleared.']);
    p2 = (await p.digestJson()).sessions[0].proposals.find((x: { code: string }) => x.code === 'P2');
    expect(p2).toMatchObject({ reactors: 0, comments: [] });
    expect(await p.run('alice: /react P2 clear')).toEqual(['[to alice] ⚠ You have no reaction on P2 to clear.']);
  });

  it('removing an emoji clears the stance only while it is still that emoji’s stance', async () => {
    const p = await openPanel();
    await p.run('bob: +:+1: P1', 'bob: /react P1 oppose', 'bob: -:+1: P1');
    expect((await p.digestJson()).sessions[0].proposals.find((x: { code: string }) => x.code === 'P1').oppose).toBe(1);
    await p.run('bob: +👍 P1', 'bob: -👍🏿 P1');
    expect((await p.digestJson()).sessions[0].proposals.find((x: { code: string }) => x.code === 'P1').reactors).toBe(0);
  });

  it('edits keep reactions; withdrawn proposals leave every count; codes are never reused', async () => {
    const p = await openPanel();
    await p.run('alice: /react P3 support', 'bob: /react P2 oppose', 'mod: /priority edit P3 Respect sovereignty, within international law');
    await p.run('mod: /priority withdraw P2', 'mod: /priority add icann A new idea');
    const session = (await p.digestJson()).sessions[0];
    expect(session.proposals.map((x: { code: string }) => x.code).sort()).toEqual(['P1', 'P3', 'P4']);
    expect(session.proposals.find((x: { code: string }) => x.code === 'P3')).toMatchObject({ support: 1, text: 'Respect sovereignty, within international law' });
    expect(session.participants).toBe(1); // bob's only stance was on the withdrawn P2
    expect(session.proposals.find((x: { code: string }) => x.code === 'P4').rank).toBe(2);
  });

  it('refuses a fourth priority and gives the refused addition no code', async () => {
    const p = await openPanel();
    await p.run('mod: /priority add icann Third');
    const out = await p.run('mod: /priority add icann Fourth');
    expect(out).toEqual([expect.stringMatching(/^\[to mod\] ⚠ icann already has 3 priorities \(the limit is 3\)/)]);
    await p.run('mod: /priority add china Second');
    const codes = (await p.digestJson()).sessions[0].proposals.map((x: { code: string }) => x.code).sort();
    expect(codes).toEqual(['P1', 'P2', 'P3', 'P4', 'P5']);
  });

  it('summaries group by each participant’s current group; /iam latest stands', async () => {
    const p = await openPanel();
    await p.run('alice: /iam academia', 'alice: /react P1 support', 'alice: /iam government');
    const p1 = (await p.digestJson()).sessions[0].proposals.find((x: { code: string }) => x.code === 'P1');
    expect(Object.keys(p1.byGroup)).toEqual(['government']);
  });

  it('closing stops reactions and posts the final summary', async () => {
    const p = await openPanel();
    await p.run('alice: /react P1 support');
    const closed = await p.run('mod: /session close');
    expect(closed[0]).toMatch(/^\[#main\] Final summary of session s\w+/);
    expect(await p.run('bob: /react P1 support')).toEqual([expect.stringMatching(/^\[to bob\] ⚠ Session s\w+ is closed: reactions are no longer accepted\.$/)]);
    expect(await p.run('bob: +:+1: P1')).toEqual([expect.stringMatching(/closed/)]);
    const session = (await p.digestJson()).sessions[0];
    expect(session.state).toBe('closed');
    expect(session.closedAt).toBe('2026-11-28T02:00:00.000Z');
  });

  it('forgetme deletes reactions, comments and group, privately', async () => {
    const p = await openPanel();
    await p.run('alice: /iam academia', 'alice: /react P1 support Yes!', 'alice: /react P3 oppose', 'bob: /react P1 support');
    expect(await p.run('alice: /forgetme')).toEqual(['[to alice] Forgotten: 2 reactions and comments, and your stakeholder group.']);
    const session = (await p.digestJson()).sessions[0];
    expect(session.participants).toBe(1);
    expect(session.proposals.find((x: { code: string }) => x.code === 'P1')).toMatchObject({ support: 1, comments: [] });
  });

  it('a session followed from two channels counts reactions from both and posts to both', async () => {
    const p = await openPanel();
    const side: string[] = [];
    const other = new ConsoleAdapter({ core: p.core, channel: 'overflow', write: (l) => side.push(l) });
    const id = (await p.core.sessionInChannel('console:main'))?.id;
    await other.handleLine(`mod: /session join ${id}`);
    await other.handleLine('zed: /react P1 support');
    await p.run('alice: /react P1 support');
    expect((await p.digestJson()).sessions[0].proposals.find((x: { code: string }) => x.code === 'P1').support).toBe(2);
    const out = await p.run('mod: /priority post icann');
    expect(out.filter((l) => l.startsWith('[#overflow] P'))).toHaveLength(2);
    expect(out.filter((l) => l.startsWith('[#main] P'))).toHaveLength(2);
  });

  it('keeps Chinese, Arabic and emoji text byte for byte', async () => {
    const p = await terminalPanel();
    panel = p;
    const title = '网络空间国际合作 — التعاون الدولي 🌐';
    const text = '加强能力建设，缩小数字鸿沟 · تعزيز بناء القدرات 👩🏽‍💻🇨🇳';
    const comment = 'نعم! 支持 👍🏽 ❤️‍🔥';
    await p.run(`mod: /session start ${title}`, 'mod: /speaker add undesa 联合国经社部 org:"إدارة الشؤون الاقتصادية"', `mod: /priority add undesa ${text}`, `alice: /react P1 support ${comment}`);
    const session = (await p.digestJson()).sessions[0];
    expect(Buffer.from(session.title)).toEqual(Buffer.from(title));
    expect(Buffer.from(session.proposals[0].text)).toEqual(Buffer.from(text));
    expect(Buffer.from(session.proposals[0].comments[0].text)).toEqual(Buffer.from(comment));
    expect(session.speakers[0]).toEqual({ handle: 'undesa', name: '联合国经社部', organisation: 'إدارة الشؤون الاقتصادية', group: null });
  });

  it('a 500-code-point text of emoji is accepted; 501 is refused', async () => {
    const p = await openPanel();
    const ok = await p.run(`mod: /priority add china ${'🌏'.repeat(500)}`);
    expect(ok[0]).toMatch(/P4 added/);
    const refused = await p.run(`mod: /priority add china ${'🌏'.repeat(501)}`);
    expect(refused[0]).toMatch(/too long \(501 characters; at most 500\)/);
  });
});
