/** Forgiving input: pasted tabs become spaces; /digest understands a bare date and format word. */
import { describe, expect, it } from 'vitest';
import { terminalPanel } from '../helpers/terminal.ts';

describe('forgiving input', () => {
  it('a tab in pasted text becomes a space, in priorities, comments and names', async () => {
    const p = await terminalPanel();
    const out = await p.run('mod: /session start Tabs\there', 'mod: /speaker add icann ICANN\tdelegate', 'mod: /priority add icann Keep\tidentifiers coordinated', 'alice: /react P1 support Fine\tby me');
    expect(out.join('\n')).not.toMatch(/⚠/);
    const json = await p.digestJson();
    expect(json.sessions[0].title).toBe('Tabs here');
    expect(json.sessions[0].speakers[0].name).toBe('ICANN delegate');
    expect(json.sessions[0].proposals[0].text).toBe('Keep identifiers coordinated');
    expect(json.sessions[0].proposals[0].comments[0].text).toBe('Fine by me');
  });

  it('/digest 2026-11-28 csv is /digest date:2026-11-28 format:csv; a short date and "markdown" are understood', async () => {
    const p = await terminalPanel();
    await p.run('mod: /session start Panel');
    const bare = await p.run('org: /digest 2026-11-28 csv');
    expect(bare[0]).toBe('[to org] Attached plenary-digest-2026-11-28.csv:');
    expect(await p.run('org: /digest csv 2026-11-28')).toEqual(bare);
    expect((await p.run('org: /digest 2026-11-8 markdown'))[0]).toBe('[to org] Attached plenary-digest-2026-11-08.md:');
  });
});
