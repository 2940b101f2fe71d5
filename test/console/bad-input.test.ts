import { beforeAll, describe, expect, it } from 'vitest';
import { terminalPanel } from '../helpers/terminal.ts';

type Panel = Awaited<ReturnType<typeof terminalPanel>>;

const long = (n: number, unit = 'x') => unit.repeat(n);

/** [line, what the error must mention] — each must be refused privately in one line and change nothing. */
const OPEN_SESSION_CASES: Array<[string, RegExp]> = [
  ['alice: /vote P1 support', /Unknown command "\/vote"/],
  ['alice: /session launch', /use \/session start\|join\|status\|close/],
  ['alice: /session', /needs a subcommand/],
  ['alice: /react P99 support', /No proposal P99/],
  ['alice: /react X1 support', /not a proposal code/],
  ['alice: /react P0 support', /not a proposal code/],
  ['alice: /react P1 maybe', /"maybe" is not a stance: use support, neutral, oppose or clear/],
  ['alice: /react P1', /Stance is missing\. Usage: \/react <code> <stance>/],
  ['alice: /react', /Proposal code is missing/],
  [`alice: /react P1 support ${long(501)}`, /Comment is too long \(501 characters; at most 500\)/],
  [`alice: /react P1 support ${long(501, '评')}`, /Comment is too long \(501/],
  ['alice: /react P2 clear', /no reaction on P2 to clear/],
  ['bob: /react P1 clear because', /clear takes no comment/],
  ['alice: /react P1 support hi\u0007there', /control characters/],
  ['alice: /react P1 support \u001b[31mred', /control characters/],
  ['alice: /react P1 support theme:"x', /Unbalanced quote/],
  [`alice: /react P1 support ${long(10_000, 'a')}`, /line is too long \(10\d{3} characters; at most 4000\)/],
  [`alice: /priority add icann ${long(10_000, '😀')}`, /line is too long/],
  ['alice: /session start Hijack', /Only a moderator may use \/session start/],
  ['alice: /speaker add x Someone', /Only a moderator/],
  ['alice: /priority add icann Mine now', /Only a moderator/],
  ['alice: /priority post all', /Only a moderator/],
  ['alice: /priority withdraw P1', /Only a moderator/],
  ['alice: /menu post', /Only a moderator may post the menu/],
  ['alice: /summary post', /Only a moderator may post the summary/],
  ['alice: /session close', /Only a moderator/],
  ['alice: /digest', /Only an organiser may use \/digest/],
  ['mod: /digest', /Only an organiser/],
  ['mod: /session start Another one', /already has open session/],
  [`mod: /session start ${long(151)}`, /Title is too long \(151 characters; at most 150\)/],
  ['mod: /session start Title theme:"unfinished', /Unbalanced quote/],
  ['mod: /session join s999', /No session "s999"/],
  ['mod: /session join', /Session id is missing/],
  ['mod: /speaker add icann Duplicate', /already in session/],
  ['mod: /speaker add Bad_Handle! Name', /not a speaker handle/],
  ['mod: /speaker add newone', /Speaker name is missing/],
  ['mod: /speaker add newone Name group:aliens', /not a stakeholder group: use one of government/],
  [`mod: /speaker add newone ${long(101)}`, /Speaker name is too long/],
  [`mod: /speaker add newone Name org:"${long(101)}"`, /Organisation is too long/],
  ['mod: /speaker add un "United Nations', /Unbalanced quote/],
  ['mod: /priority add nobody Some text', /No speaker "nobody"/],
  ['mod: /priority add icann', /Priority text is missing/],
  ['mod: /priority add', /Speaker handle is missing/],
  [`mod: /priority add icann ${long(501)}`, /Priority text is too long/],
  ['mod: /priority edit P99 New text', /No proposal P99/],
  ['mod: /priority edit P1', /Priority text is missing/],
  ['mod: /priority withdraw P42', /No proposal P42/],
  ['mod: /priority withdraw', /Proposal code is missing/],
  ['mod: /priority post nobody', /No speaker "nobody"/],
  ['mod: /menu now', /Unexpected "now"/],
  ['alice: /iam aliens', /not a stakeholder group/],
  ['alice: /iam', /Stakeholder group is missing/],
  ['alice: /forgetme please', /Unexpected "please"/],
  ['alice: /speaker list everyone', /Unexpected/],
  ['org: /digest date:2026-13-45', /date: must be a day like/],
  ['org: /digest date:yesterday', /date: must be a day like/],
  ['org: /digest format:pdf', /format: must be md, json or csv/],
  ['org: /digest 2026-13-45', /date: must be a day like 2026-11-28/],
  ['org: /digest pdf', /Unexpected "pdf"\. Usage: \/digest \[date:YYYY-MM-DD\] \[post\] \[format:md\|json\|csv\]/],
  ['org: /digest 2026-11-28 2026-11-29', /Unexpected "2026-11-29"/],
  ['org: /digest format:md format:csv', /given twice/],
  ['alice: /session reopen', /Only a moderator may use \/session reopen/],
  ['mod: /session reopen', /is already open/],
  ['mod: /session reopen s999', /No session "s999"/],
  ['mod: /session delete', /Only an organiser may use \/session delete/],
  ['org: /session delete', /Session id is missing/],
  ['org: /session delete szzz confirm', /No session "szzz"/],
  ['mod: /session start Other results:maybe', /results: must be live or hidden/],
  ['alice: /speaker edit icann name:Me', /Only a moderator/],
  ['mod: /speaker edit icann', /Nothing to change: give name:/],
  ['mod: /speaker edit nobody name:Somebody', /No speaker "nobody"/],
  ['mod: /speaker edit icann group:aliens', /not a stakeholder group/],
  ['mod: /speaker edit icann name:""', /Speaker name is missing/],
  [`mod: /speaker edit icann org:"${long(101)}"`, /Organisation is too long/],
  ['alice: /speaker remove icann', /Only a moderator/],
  ['mod: /speaker remove icann', /icann still has P1, P2: withdraw them first/],
  ['mod: /speaker remove nobody', /No speaker "nobody"/],
  ['mod: /speaker remove', /Speaker handle is missing/],
  ['alice: +:+1: P77', /No proposal P77/],
  ['alice: +:+1: banana', /not a proposal code/],
];

const CLOSED_SESSION_CASES: Array<[string, RegExp]> = [
  ['alice: /react P1 support', /is closed: reactions are no longer accepted/],
  ['alice: +:+1: P1', /is closed/],
  ['mod: /priority add icann Late idea', /is closed/],
  ['mod: /priority edit P1 Changed', /is closed/],
  ['mod: /priority withdraw P1', /is closed/],
  ['mod: /priority post all', /is closed/],
  ['mod: /speaker add late Late Speaker', /is closed/],
  ['mod: /session close', /is closed/],
  ['alice: /session reopen', /Only a moderator/],
  ['mod: /session delete s999', /Only an organiser/],
];

async function seeded(close: boolean): Promise<Panel> {
  const p = await terminalPanel();
  await p.run(
    'mod: /session start Cooperation in cyberspace',
    'mod: /speaker add icann ICANN delegate group:technical-community',
    'mod: /priority add icann Keep identifiers coordinated',
    'mod: /priority add icann Fight DNS abuse',
    'alice: /iam academia',
    'alice: /react P1 support Good',
  );
  if (close) await p.run('mod: /session close');
  return p;
}

const snapshot = async (p: Panel) => JSON.stringify([await p.store.scan(''), await p.digestJson()]);

function table(name: string, cases: Array<[string, RegExp]>, close: boolean) {
  describe(name, () => {
    let p: Panel;
    beforeAll(async () => {
      p = await seeded(close);
    });
    it.each(cases)('%s', async (line, message) => {
      const before = await snapshot(p);
      const out = await p.run(line);
      const user = /^(\w+):/.exec(line)?.[1];
      expect(out).toHaveLength(1);
      expect(out[0]).toMatch(new RegExp(`^\\[to ${user}\\] ⚠ [^\\n]+$`));
      expect(out[0]).toMatch(message);
      expect(out[0].length).toBeLessThan(300);
      expect(await snapshot(p)).toBe(before);
    });
  });
}

describe('wrong input gets one private line and changes nothing', () => {
  it('the table is large enough', () => expect(OPEN_SESSION_CASES.length + CLOSED_SESSION_CASES.length).toBeGreaterThanOrEqual(40));
  table('in an open session', OPEN_SESSION_CASES, false);
  table('in a closed session', CLOSED_SESSION_CASES, true);
});
