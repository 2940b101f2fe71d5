/** Undo and corrections on the day: reopen, delete, speaker edit / remove, and /priority post without duplicates. */
import { describe, expect, it } from 'vitest';
import { terminalPanel } from '../helpers/terminal.ts';

async function panel() {
  const p = await terminalPanel();
  await p.run(
    'mod: /session start Cooperation in cyberspace',
    'mod: /speaker add icann ICANN delgate group:technical-community',
    'mod: /priority add icann Keep identifiers coordinated',
    'mod: /priority add icann Fight DNS abuse',
    'alice: /react P1 support Good',
  );
  const sid = (await p.core.requireSession('console:main')).id;
  return { ...p, sid };
}

describe('undo and corrections', () => {
  it('/session reopen undoes a close: reactions count again, and every bound channel is told', async () => {
    const p = await panel();
    await p.run('mod: /session close');
    expect(await p.run('bob: /react P1 oppose')).toEqual([expect.stringMatching(/is closed/)]);
    const out = await p.run('mod: /session reopen');
    expect(out).toContain(`[#main] Session ${p.sid} “Cooperation in cyberspace” is open again: reactions count until the moderator closes it.`);
    expect((await p.run('bob: /react P1 oppose'))[0]).toMatch(/You oppose P1/);
    expect((await p.digestJson()).sessions[0]).toMatchObject({ state: 'open', closedAt: null });
    expect((await p.digestJson()).sessions[0].proposals.find((x: { code: string }) => x.code === 'P1')).toMatchObject({ support: 1, oppose: 1 });
  });

  it('/session reopen is refused while the channel has another open session, and names the session', async () => {
    const p = await panel();
    await p.run('mod: /session close', 'mod: /session start Second panel');
    expect((await p.run(`mod: /session reopen ${p.sid}`))[0]).toMatch(/This channel has open session s\w+ \("Second panel"\); close it first/);
    await p.run('mod: /session close');
    expect((await p.run(`mod: /session reopen ${p.sid}`)).join('\n')).toMatch(/is open again/);
    expect((await p.core.requireSession('console:main')).id).toBe(p.sid);
  });

  it('/session delete says what would go, and with confirm removes every fact so the digest forgets it', async () => {
    const p = await panel();
    const preview = await p.run(`org: /session delete ${p.sid}`);
    expect(preview).toEqual([`[to org] Deleting session ${p.sid} “Cooperation in cyberspace” (2026-11-28) would remove 1 speaker, 2 proposals and 1 reaction, for good. To do it: /session delete ${p.sid} confirm`]);
    expect((await p.digestJson()).sessions).toHaveLength(1);
    expect((await p.run(`org: /session delete ${p.sid} confirm`))[0]).toMatch(/is deleted/);
    expect((await p.digestJson()).sessions).toHaveLength(0);
    const left = (await p.store.scan('')).map(([k]) => k).filter((k) => k.includes(p.sid));
    expect(left).toEqual([]);
    expect((await p.run('mod: /session status'))[0]).toMatch(/No session in this channel/);
    expect((await p.run('mod: /session start Fresh start'))[0]).toMatch(/is open/);
  });

  it('/speaker edit corrects a typo and keeps proposals and reactions; /speaker remove needs no active proposal', async () => {
    const p = await panel();
    expect((await p.run('mod: /speaker edit icann name:"ICANN delegate" org:ICANN'))[0]).toBe(
      '[to mod] Speaker icann is now: ICANN delegate (ICANN, technical-community). Their proposals and reactions stay.',
    );
    const json = await p.digestJson();
    expect(json.sessions[0].speakers[0]).toMatchObject({ handle: 'icann', name: 'ICANN delegate', organisation: 'ICANN' });
    expect(json.sessions[0].proposals.find((x: { code: string }) => x.code === 'P1').support).toBe(1);
    await p.run('mod: /priority withdraw P1', 'mod: /priority withdraw P2');
    expect((await p.run('mod: /speaker remove icann'))[0]).toMatch(/Speaker icann \(ICANN delegate\) is removed/);
    expect((await p.digestJson()).sessions[0].speakers).toEqual([]);
    // The handle is free again, with a fresh priority allowance.
    await p.run('mod: /speaker add icann ICANN');
    expect((await p.run('mod: /priority add icann One', 'mod: /priority add icann Two', 'mod: /priority add icann Three')).join('\n')).not.toMatch(/⚠/);
  });

  it('/priority post posts only the cards a channel does not show yet, says how many it skipped, and `again` reposts', async () => {
    const p = await panel();
    const first = await p.run('mod: /priority post all');
    expect(first.filter((l) => l.startsWith('[#main] P'))).toHaveLength(2);
    expect(first).toContain('[to mod] Posting 2 proposals to 1 channel.');
    await p.run('mod: /priority add icann Third one');
    const second = await p.run('mod: /priority post icann');
    expect(second.filter((l) => l.startsWith('[#main] P'))).toEqual([expect.stringMatching(/^\[#main\] P3 /)]);
    expect(second).toContain('[to mod] Posting 1 proposal to 1 channel. Skipped 2 cards already in their channel (add "again" to post them anyway).');
    expect(await p.run('mod: /priority post all')).toEqual(['[to mod] Nothing new to post. Skipped 3 cards already in their channel (add "again" to post them anyway).']);
    const again = await p.run('mod: /priority post all again');
    expect(again.filter((l) => l.startsWith('[#main] P'))).toHaveLength(3);
  });
});
