import { describe, expect, it } from 'vitest';
import { runCli, spawnCli, tempDeployment } from '../helpers/cli.ts';

const CONFIG = {
  conference: { name: 'UN Cybersecurity Conference', timezone: 'Asia/Shanghai' },
  roles: { organisers: ['console:you'], moderators: ['console:mod'] },
};

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

const PANEL = `
mod: /session start Session III: International cooperation theme:"Cooperation in cyberspace"
mod: /speaker add icann ICANN delegate org:ICANN group:technical-community
mod: /speaker add china Delegate of China org:"Government of China" group:government
mod: /priority add icann Keep identifiers globally coordinated
mod: /priority add china Respect cyber sovereignty 网络主权
mod: /priority post all
a1: /iam government
a2: /iam government
a3: /iam government
c1: /iam civil-society
c2: /iam civil-society
c3: /iam civil-society
a1: /react P2 support
a2: +:thumbsup::skin-tone-2: P2
a3: /react P2 yes 支持
c1: /react P2 oppose
c2: +👎🏽 P2
c3: /react P2 disagree لا
a1: /react P1 support
c1: /react P1 agree
c2: /react P1 support
c3: /react P1 pass
mod: /session close
`;

// Each test runs its own children on its own temporary store: they run at once, so their waits overlap.
describe.concurrent('plenary start in a terminal pipe', () => {
  it('runs a whole panel from stdin, exits 0 at end of input, and the JSON digest reads the store', async () => {
    const { env } = tempDeployment(CONFIG);
    const run = await runCli(['start'], env, PANEL);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\[#main\] Final summary of session s\w+/);

    const digest = await runCli(['digest', '--format', 'json'], env);
    expect(digest.code).toBe(0);
    const json = JSON.parse(digest.stdout);
    expect(json.conference).toEqual({ name: 'UN Cybersecurity Conference', timezone: 'Asia/Shanghai' });
    expect(json.date).toBe(today());
    expect(json.totals).toEqual({ sessions: 1, proposals: 2, reactions: 10, participants: 6 });
    const [session] = json.sessions;
    expect(session).toMatchObject({ title: 'Session III: International cooperation', theme: 'Cooperation in cyberspace', state: 'closed', participants: 6 });
    expect(session.speakers).toEqual([
      { handle: 'icann', name: 'ICANN delegate', organisation: 'ICANN', group: 'technical-community' },
      { handle: 'china', name: 'Delegate of China', organisation: 'Government of China', group: 'government' },
    ]);
    // P1: 3 support of 4 ranks above P2: 3 support of 6 (Wilson 0.301 > 0.188).
    expect(session.proposals.map((p: { code: string }) => p.code)).toEqual(['P1', 'P2']);
    expect(session.proposals[1]).toMatchObject({
      code: 'P2', speaker: 'china', rank: 1, text: 'Respect cyber sovereignty 网络主权', support: 3, neutral: 0, oppose: 3, reactors: 6,
      byGroup: { government: { support: 3, neutral: 0, oppose: 0 }, 'civil-society': { support: 0, neutral: 0, oppose: 3 } },
      label: 'divisive',
      comments: [{ text: '支持', group: 'government' }, { text: 'لا', group: 'civil-society' }],
    });
    expect(digest.stdout).not.toMatch(/console:/); // no user ids

    const csv = await runCli(['digest', '--format', 'csv', '--date', today()], env);
    expect(csv.stdout.split('\r\n')[0]).toMatch(/^date,session,session_title,session_participants,place,code,speaker,speaker_name,speaker_organisation,rank/);
    expect(csv.stdout.trim().split('\r\n')).toHaveLength(3);
  });

  it('keeps everything across a restart of the bot on the file store', async () => {
    const { env } = tempDeployment(CONFIG);
    await runCli(['start'], env, 'mod: /session start Day one\nmod: /speaker add itu ITU\nmod: /priority add itu National CIRTs\nu1: /react P1 support\n');
    const second = await runCli(['start'], env, 'u2: /react P1 support\nu3: +:-1: P1\nu1: /react P1 neutral\n');
    expect(second.stdout).toContain('[to u2] You support P1.');
    const json = JSON.parse((await runCli(['digest', '--format', 'json'], env)).stdout);
    expect(json.sessions[0].proposals[0]).toMatchObject({ support: 1, neutral: 1, oppose: 1, reactors: 3 });
  });

  it('loses no acknowledged reaction when killed with SIGKILL mid-stream', async () => {
    const { env } = tempDeployment(CONFIG);
    await runCli(['start'], env, 'mod: /session start Kill test\nmod: /speaker add itu ITU\nmod: /priority add itu National CIRTs\n');
    const child = spawnCli(['start'], env);
    const acked = new Set<string>();
    let buffer = '';
    const killed = new Promise<void>((done) => {
      child.stdout.on('data', (chunk) => {
        buffer += chunk;
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const line of lines) {
          const match = /^\[to (u\d+)\] You support P1\.$/.exec(line);
          if (match) acked.add(match[1]);
        }
        if (acked.size >= 300 && !child.killed) child.kill('SIGKILL');
      });
      child.on('close', () => done());
    });
    const lines = Array.from({ length: 5000 }, (_, i) => `u${i}: /react P1 support\n`).join('');
    child.stdin.on('error', () => {}); // the pipe breaks when the child dies
    child.stdin.write(lines);
    await killed;
    expect(acked.size).toBeGreaterThanOrEqual(300);
    expect(acked.size).toBeLessThan(5000); // it really died mid-stream
    const json = JSON.parse((await runCli(['digest', '--format', 'json'], env)).stdout);
    expect(json.sessions[0].proposals[0].support).toBeGreaterThanOrEqual(acked.size);
  });

  it('plenary digest reads the store while the bot is running on it', async () => {
    const { env } = tempDeployment(CONFIG);
    const bot = spawnCli(['start'], env);
    let out = '';
    bot.stdout.on('data', (d) => (out += d));
    const exited = new Promise<number | null>((done) => bot.on('close', done));
    bot.stdin.write('mod: /session start Live\nmod: /speaker add itu ITU\nmod: /priority add itu National CIRTs\nu1: /react P1 support\nu2: /react P1 oppose\n');
    const deadline = Date.now() + 15_000;
    while (!out.includes('[to u2] You oppose P1.') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const live = await runCli(['digest', '--format', 'json'], env);
    expect(live.code).toBe(0);
    expect(JSON.parse(live.stdout).sessions[0].proposals[0]).toMatchObject({ support: 1, oppose: 1, reactors: 2 });
    bot.stdin.end('u3: /react P1 support\n');
    expect(await exited).toBe(0);
    expect(JSON.parse((await runCli(['digest', '--format', 'json'], env)).stdout).totals.reactions).toBe(3);
  });

  it('refuses a wrong config with one message per key and exits 1', async () => {
    const { env } = tempDeployment({ conference: { name: 'X', timezone: 'Nowhere/City' }, priorityLimit: 0, extra: true });
    const run = await runCli(['start'], env, '');
    expect(run.code).toBe(1);
    // One line per wrong key, each naming the file.
    expect(run.stderr.match(/^plenary: .*plenary.config.json: /gm)).toHaveLength(3);
    expect(run.stderr).toMatch(/conference\.timezone: must be an IANA time zone/);
  });
});

describe('plenary demo', () => {
  it('replays the seed panel with five stakeholders and about fifty participants', async () => {
    const { env } = tempDeployment(CONFIG);
    const run = await runCli(['demo'], env);
    expect(run.code).toBe(0);
    for (const handle of ['icann', 'itu', 'undesa', 'china', 'japan']) expect(run.stdout).toContain(`/speaker add ${handle} `);
    expect(run.stdout).toMatch(/Final summary of session/);
    expect(run.stdout).toMatch(/Digest of UN Cybersecurity Conference/);
    const done = /reactions from (\d+) participants/.exec(run.stdout);
    expect(Number(done?.[1])).toBeGreaterThanOrEqual(45);
  });
});
