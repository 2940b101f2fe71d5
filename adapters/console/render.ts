/** Views as terminal text. Pure: a view in, lines out. */
import type { ProposalCard, View } from '../../src/views.ts';
import type { ProposalSummary, SessionSummary } from '../../src/summary.ts';
import type { Digest } from '../../src/summary.ts';
import { cardCounts, emojiCounts, groupBreakdown, oneLine as line, percent, reach, moreCommentsNote } from '../../src/view-text.ts';
import { bridgingLine } from '../../src/opinion-groups.ts';
import { unicodeBar } from './chart-bars.ts';
import { plural } from '../../src/plurals.ts';
import { formatInstant } from '../../src/time.ts';
import { HIDDEN_NOTE } from '../../src/hidden-results.ts';


export function cardLine(card: ProposalCard): string {
  const who = line(card.organisation ? `${card.speakerName}, ${card.organisation}` : card.speakerName);
  const state = card.state === 'open' ? '' : card.state === 'closed' ? ' (session closed)' : ' (withdrawn)';
  return `${card.code} · ${who}: ${line(card.text)}  [${cardCounts(card)}]${state}`;
}

function proposalLines(p: ProposalSummary, place: number): string[] {
  const label = p.label ? `  ‹${p.label}›` : '';
  const lines = [`${place}. ${p.code} (${p.speaker}) ${line(p.text)} — ${emojiCounts(p)} — ${reach(p)}${label}`];
  lines.push(unicodeBar(p));
  const groups = groupBreakdown(p.byGroup);
  if (groups) lines.push(`   by group: ${groups}`);
  for (const c of p.comments) lines.push(`   “${line(c.text)}” — ${c.group}`);
  if (p.moreComments) lines.push(`   ${moreCommentsNote(p)}`);
  return lines;
}

export function summaryLines(s: SessionSummary, final: boolean): string[] {
  const count = s.hidden ? HIDDEN_NOTE : plural(s.participants, 'participant');
  const head = `${final ? 'Final summary' : 'Summary'} of session ${s.id} “${line(s.title)}” (${s.state}) — ${count}`;
  const lines = [head];
  if (s.theme) lines.push(`Theme: ${line(s.theme)}`);
  if (s.hidden) {
    s.proposals.forEach((p, i) => lines.push(`${i + 1}. ${p.code} (${p.speaker}) ${line(p.text)}`));
    return lines;
  }
  if (s.proposals.length === 0) lines.push('No proposals yet.');
  s.proposals.forEach((p, i) => lines.push(...proposalLines(p, i + 1)));
  const consensus = s.proposals.filter((p) => p.label === 'consensus').map((p) => p.code);
  const divisive = s.proposals.filter((p) => p.label === 'divisive').map((p) => p.code);
  lines.push(`Broad support across groups: ${consensus.join(', ') || 'none'} · Divides groups: ${divisive.join(', ') || 'none'}`);
  const bridging = bridgingLine(s);
  if (bridging) lines.push(bridging);
  return lines;
}

export function digestLines(d: Digest): string[] {
  const t = d.totals;
  const lines = [`Digest of ${line(d.conference.name)} for ${d.date} (${d.conference.timezone}): ${plural(t.sessions, 'session')} · ${plural(t.proposals, 'proposal')} · ${plural(t.reactions, 'reaction')} · ${plural(t.participants, 'participant')}`];
  for (const s of d.sessions) {
    lines.push(`Session ${s.id} “${line(s.title)}” (${s.state}) — ${plural(s.speakers.length, 'speaker')}, ${s.hidden ? HIDDEN_NOTE : plural(s.participants, 'participant')}`);
    if (s.hidden) continue;
    s.proposals.forEach((p, i) => lines.push(`  ${i + 1}. ${p.code} (${p.speaker}) ${line(p.text)} — ${emojiCounts(p)}${p.label ? `  ‹${p.label}›` : ''}`));
  }
  if (d.top.length) {
    lines.push('Top proposals of the day:');
    d.top.forEach((p, i) => lines.push(`  ${i + 1}. ${p.session} ${p.code} (${p.speaker}) ${line(p.text)} — ${percent(p.support, p.reactors)} support of ${plural(p.reactors, 'reactor')}`));
  }
  return lines;
}

const when = (iso: string, timeZone = 'UTC') => formatInstant(iso, timeZone);

export function renderView(view: View): string[] {
  switch (view.kind) {
    case 'notice':
      return view.text.split('\n');
    case 'error':
      return [`⚠ ${line(view.text)}`];
    case 'proposal':
      return [cardLine(view.card)];
    case 'menu':
      return [
        `Menu of session ${view.session.id} “${line(view.session.title)}” (${view.session.state})`,
        ...(view.cards.length ? view.cards.map(cardLine) : ['No proposals yet.']),
      ];
    case 'status':
      return [
        `Session ${view.session.id} “${line(view.session.title)}” — ${view.session.state}, started ${when(view.session.startedAt, view.timezone)}${view.session.closedAt ? `, closed ${when(view.session.closedAt, view.timezone)}` : ''}`,
        `${plural(view.speakers, 'speaker')} · ${plural(view.proposals, 'proposal')} · ${view.resultsHidden ? HIDDEN_NOTE : `${plural(view.reactions, 'reaction')} · ${plural(view.participants, 'participant')}`} · channels: ${view.channels.join(', ')}`,
      ];
    case 'speakers':
      return view.speakers.length
        ? view.speakers.map((s) => `${s.handle} — ${line(s.name)}${s.organisation ? `, ${line(s.organisation)}` : ''}${s.group ? ` [${s.group}]` : ''}`)
        : [`No speakers yet in session ${view.session.id}: add one with /speaker add <handle> <name>.`];
    case 'summary':
      return summaryLines(view.summary, view.final);
    case 'digest':
      return view.file
        ? [`Attached ${view.file.name}:`, ...view.file.content.replace(/\r?\n$/, '').split(/\r?\n/)]
        : digestLines(view.digest);
  }
}
