/** Views as terminal text. Pure: a view in, lines out. */
import { groupName } from '../../src/wording/group-names.ts';
import type { ProposalCard, View } from '../../src/views.ts';
import type { ProposalSummary, SessionSummary } from '../../src/summary.ts';
import type { Digest } from '../../src/summary.ts';
import {
  cardCounts, counted, emojiCounts, groupBreakdown, hiddenNote, labelsLine, oneLine as line, reach, moreCommentsNote, stateWord, summaryTitle, supportOf,
  type Locale,
} from '../../src/view-text.ts';
import { say } from '../../src/wording/say.ts';
import { bridgingLine } from '../../src/opinion-groups.ts';
import { unicodeBar } from './chart-bars.ts';
import { formatInstant } from '../../src/time.ts';


export function cardLine(card: ProposalCard, locale?: Locale): string {
  const who = line(card.organisation ? `${card.speakerName}, ${card.organisation}` : card.speakerName);
  const state = card.state === 'open' ? '' : ` (${say(card.state === 'closed' ? 'view.card.closed' : 'view.card.withdrawn', {}, locale)})`;
  return `${card.code} · ${who}: ${line(card.text)}  [${cardCounts(card, locale)}]${state}`;
}

function proposalLines(p: ProposalSummary, place: number, locale?: Locale): string[] {
  const label = p.label ? `  ‹${p.label}›` : '';
  const lines = [`${place}. ${p.code} (${p.speaker}) ${line(p.text)} — ${emojiCounts(p)} — ${reach(p, locale)}${label}`];
  lines.push(unicodeBar(p));
  const groups = groupBreakdown(p.byGroup, locale);
  if (groups) lines.push(`   ${say('view.summary.by-group', { groups }, locale)}`);
  for (const c of p.comments) lines.push(`   “${line(c.text)}” — ${groupName(c.group, locale)}`);
  if (p.moreComments) lines.push(`   ${moreCommentsNote(p, locale)}`);
  return lines;
}

export function summaryLines(s: SessionSummary, final: boolean, locale?: Locale): string[] {
  const count = s.hidden ? hiddenNote(locale) : counted('participants', s.participants, locale);
  const head = `${summaryTitle(s, final, line(s.title), locale)} (${stateWord(s.state, locale)}) — ${count}`;
  const lines = [head];
  if (s.theme) lines.push(say('view.summary.theme', { theme: line(s.theme) }, locale));
  if (s.hidden) {
    s.proposals.forEach((p, i) => lines.push(`${i + 1}. ${p.code} (${p.speaker}) ${line(p.text)}`));
    return lines;
  }
  if (s.proposals.length === 0) lines.push(say('view.no-proposals', {}, locale));
  s.proposals.forEach((p, i) => lines.push(...proposalLines(p, i + 1, locale)));
  lines.push(labelsLine(s.proposals, locale));
  const bridging = bridgingLine(s);
  if (bridging) lines.push(bridging);
  return lines;
}

/** `3 sessions · 5 proposals · 12 reactions · 4 participants` */
export const digestTotals = (t: Digest['totals'], locale?: Locale) =>
  say('view.digest.totals', {
    sessions: counted('sessions', t.sessions, locale), proposals: counted('proposals', t.proposals, locale),
    reactions: counted('reactions', t.reactions, locale), participants: counted('participants', t.participants, locale),
  }, locale);

export function digestLines(d: Digest, locale?: Locale): string[] {
  const lines = [`${say('view.digest.title', { name: line(d.conference.name), date: d.date }, locale)} (${d.conference.timezone}): ${digestTotals(d.totals, locale)}`];
  for (const s of d.sessions) {
    lines.push(say('view.session.line', {
      id: s.id, title: line(s.title), state: stateWord(s.state, locale), speakers: counted('speakers', s.speakers.length, locale),
      participants: s.hidden ? hiddenNote(locale) : counted('participants', s.participants, locale),
    }, locale));
    if (s.hidden) continue;
    s.proposals.forEach((p, i) => lines.push(`  ${i + 1}. ${p.code} (${p.speaker}) ${line(p.text)} — ${emojiCounts(p)}${p.label ? `  ‹${p.label}›` : ''}`));
  }
  if (d.top.length) {
    lines.push(`${say('view.digest.top', {}, locale)}:`);
    d.top.forEach((p, i) => lines.push(`  ${i + 1}. ${p.session} ${p.code} (${p.speaker}) ${line(p.text)} — ${supportOf(p, locale, true)}`));
  }
  return lines;
}

const when = (iso: string, timeZone = 'UTC') => formatInstant(iso, timeZone);

/** `Session s1 “Title” — open, started …, closed …` and `2 speakers · 3 proposals · … · channels: …` */
export function statusLines(view: Extract<View, { kind: 'status' }>, channels: string, locale?: Locale, title = line(view.session.title)): string[] {
  const s = view.session;
  const times = [say('view.status.started', { at: when(s.startedAt, view.timezone) }, locale)];
  if (s.closedAt) times.push(say('view.status.closed', { at: when(s.closedAt, view.timezone) }, locale));
  const counts = [counted('speakers', view.speakers, locale), counted('proposals', view.proposals, locale)];
  if (view.resultsHidden) counts.push(hiddenNote(locale));
  else counts.push(counted('reactions', view.reactions, locale), counted('participants', view.participants, locale));
  counts.push(say('view.status.channels', { channels }, locale));
  return [`${say('view.status.title', { id: s.id, title, state: stateWord(s.state, locale) }, locale)}, ${times.join(', ')}`, counts.join(' · ')];
}

export function renderView(view: View, locale?: Locale): string[] {
  switch (view.kind) {
    case 'notice':
      return view.text.split('\n');
    case 'error':
      return [`⚠ ${line(view.text)}`];
    case 'proposal':
      return [cardLine(view.card, locale)];
    case 'menu':
      return [
        say('view.menu.title', { id: view.session.id, title: line(view.session.title), state: stateWord(view.session.state, locale) }, locale),
        ...(view.cards.length ? view.cards.map((c) => cardLine(c, locale)) : [say('view.no-proposals', {}, locale)]),
      ];
    case 'status':
      return statusLines(view, view.channels.join(', '), locale);
    case 'speakers':
      return view.speakers.length
        ? view.speakers.map((s) => `${s.handle} — ${line(s.name)}${s.organisation ? `, ${line(s.organisation)}` : ''}${s.group ? ` [${s.group}]` : ''}`)
        : [say('view.speakers.none', { id: view.session.id }, locale)];
    case 'summary':
      return summaryLines(view.summary, view.final, locale);
    case 'digest':
      return view.file
        ? [say('view.file.attached', { name: view.file.name }, locale), ...view.file.content.replace(/\r?\n$/, '').split(/\r?\n/)]
        : digestLines(view.digest, locale);
  }
}
