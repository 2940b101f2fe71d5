/**
 * The results views composed once: the session summary (interim or final, hidden results, broad support across
 * groups, opinion groups), the day's digest (its sessions, top proposals and charts) and the file names that
 * carry them whole. Each proposal is a `group` (its line, bar, breakdown and comments), each digest session a
 * `section`; what only the whole text carries (a digest's comments, speakers, theme) is marked `whole`.
 */
import type { Digest, ProposalSummary, SessionSummary } from '../summary.ts';
import type { DigestFormat } from '../views.ts';
import type { Session } from '../model.ts';
import { barOf, sessionChart } from '../chart.ts';
import { bridgingLine } from '../opinion-groups.ts';
import {
  counted, emojiCounts, groupBreakdown, hiddenNote, labelsLine, moreCommentsNote, reach, stateWord, supportOf, type Locale,
} from '../view-text.ts';
import { say } from '../wording/say.ts';
import { groupName } from '../wording/group-names.ts';
import { sayInline, strong, user, type Card, type Inline, type Primitive } from './primitives.ts';

export const digestFileName = (d: { date: string }, format: DigestFormat) => `plenary-digest-${d.date}.${format}`;
export const summaryFileName = (s: { id: string }) => `plenary-summary-${s.id}.md`;
export const menuFileName = (session: Pick<Session, 'id'>) => `plenary-menu-${session.id}.md`;

const text = (inline: Inline, whole?: boolean): Primitive => ({ type: 'text', text: inline, ...(whole ? { whole: true } : {}) });
const context = (inline: Inline, whole?: boolean): Primitive => ({ type: 'context', text: inline, ...(whole ? { whole: true } : {}) });
const label = (p: { label: string | null }) => (p.label ? `  ‹${p.label}›` : '');
const participantsOf = (s: SessionSummary, locale?: Locale) => (s.hidden ? hiddenNote(locale) : counted('participants', s.participants, locale));

/** `1. P1 (icann)`: a ranked entry's title. */
const entryTitle = (place: number, code: string, speaker: string): Inline => [`${place}. `, strong(code), ' (', user(speaker), ')'];

/**
 * One ranked proposal: its line (text, counts, reach, label), its bar, the breakdown by stakeholder group and the
 * latest comments. `detail` false (a digest's entries) keeps the breakdown and comments for the whole text only.
 */
function proposalGroup(p: ProposalSummary, place: number, detail: boolean, locale?: Locale): Primitive {
  const whole = detail ? {} : { whole: true as const };
  const blocks: Primitive[] = [];
  const groups = groupBreakdown(p.byGroup, locale);
  if (groups) blocks.push({ ...context(sayInline('view.summary.by-group', { groups: user(groups) }, locale)), ...whole });
  if (p.comments.length) {
    blocks.push({
      type: 'list', name: say('discord.comments', { code: p.code }, locale), ...whole,
      items: p.comments.map((c) => ['“', user(c.text), '” — ', user(groupName(c.group, locale))]),
    });
  }
  if (p.moreComments) blocks.push({ ...context([moreCommentsNote(p, locale)]), ...whole });
  return {
    type: 'group', title: entryTitle(place, p.code, p.speaker),
    lead: [user(p.text), ` — ${emojiCounts(p)} — ${reach(p, locale)}${label(p)}`],
    blocks, ...(detail ? { bar: barOf(p) } : {}),
  };
}

/** A proposal whose counts are hidden: its place, code, speaker and text. */
const hiddenGroup = (p: ProposalSummary, place: number): Primitive => ({ type: 'group', title: entryTitle(place, p.code, p.speaker), lead: [user(p.text)], blocks: [] });

export function summaryCard(s: SessionSummary, final: boolean, locale?: Locale): Card {
  const title = sayInline('view.summary.title', { final: String(final), id: s.id, title: user(s.title) }, locale);
  const blocks: Primitive[] = [{ type: 'header', text: title, sub: [`${stateWord(s.state, locale)} · ${participantsOf(s, locale)}`] }];
  if (s.theme) blocks.push(text(sayInline('view.summary.theme', { theme: user(s.theme) }, locale)));
  if (s.proposals.length === 0) blocks.push(text([say('view.no-proposals', {}, locale)]));
  if (s.hidden) {
    blocks.push(...s.proposals.map((p, i) => hiddenGroup(p, i + 1)));
  } else {
    if (s.proposals.length) blocks.push({ type: 'chart', chart: sessionChart(s), heading: say('view.chart.session', { id: s.id }, locale), name: `plenary-${s.id}-chart` });
    blocks.push(...s.proposals.map((p, i) => proposalGroup(p, i + 1, true, locale)));
    blocks.push(context([labelsLine(s.proposals, locale)]));
    const bridging = bridgingLine(s, locale);
    if (bridging) blocks.push(context([bridging]));
  }
  const plain = [...title, `: ${counted('proposals', s.proposals.length, locale)}, ${participantsOf(s, locale)}`];
  return { view: 'summary', tone: 'brand', blocks, plain, file: summaryFileName(s) };
}

/** `3 sessions · 5 proposals · 12 reactions · 4 participants` */
export const digestTotals = (t: Digest['totals'], locale?: Locale) =>
  say('view.digest.totals', {
    sessions: counted('sessions', t.sessions, locale), proposals: counted('proposals', t.proposals, locale),
    reactions: counted('reactions', t.reactions, locale), participants: counted('participants', t.participants, locale),
  }, locale);

function sessionSection(s: SessionSummary, date: string, locale?: Locale): Primitive {
  const blocks: Primitive[] = [];
  if (s.theme) blocks.push(text(sayInline('view.summary.theme', { theme: user(s.theme) }, locale), true));
  if (s.speakers.length) {
    const names = s.speakers.map((sp) => (sp.organisation ? `${sp.name} (${sp.organisation})` : sp.name)).join('; ');
    blocks.push(text(sayInline('md.speakers', { names: user(names) }, locale), true));
  }
  if (s.hidden) {
    blocks.push(...s.proposals.map((p, i) => hiddenGroup(p, i + 1)));
  } else {
    const bridging = bridgingLine(s, locale);
    if (bridging) blocks.push(text([bridging], true));
    if (s.proposals.length) blocks.push({ type: 'chart', chart: sessionChart(s), heading: say('view.chart.day', { id: s.id, date }, locale), name: `plenary-digest-${date}-${s.id}` });
    blocks.push(...s.proposals.map((p, i) => proposalGroup(p, i + 1, false, locale)));
  }
  if (s.proposals.length === 0) blocks.push(text([say('view.no-proposals', {}, locale)]));
  const title = sayInline('view.session.line', {
    id: s.id, title: user(s.title), state: stateWord(s.state, locale), speakers: counted('speakers', s.speakers.length, locale), participants: participantsOf(s, locale),
  }, locale);
  return { type: 'section', title, blocks };
}

export function digestCard(d: Digest, locale?: Locale): Card {
  const title = sayInline('view.digest.title', { name: user(d.conference.name), date: d.date }, locale);
  const totals = digestTotals(d.totals, locale);
  const blocks: Primitive[] = [{ type: 'header', text: title, sub: sayInline('md.digest.totals', { totals, timezone: user(d.conference.timezone) }, locale) }];
  if (d.sessions.length === 0) blocks.push(text([say('md.digest.empty', {}, locale)]));
  blocks.push(...d.sessions.map((s) => sessionSection(s, d.date, locale)));
  if (d.top.length) {
    blocks.push({
      type: 'section', title: [say('view.digest.top', {}, locale)],
      blocks: d.top.map((p, i): Primitive => ({
        type: 'group', title: entryTitle(i + 1, p.code, p.speaker), blocks: [],
        lead: [user(p.text), ` — ${supportOf(p, locale, true)} — ${p.session} “`, user(p.sessionTitle), '”'],
      })),
    });
  }
  return { view: 'digest', tone: 'brand', blocks, plain: [...title, `: ${totals}`], file: digestFileName(d, 'md') };
}
