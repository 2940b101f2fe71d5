/** The digest as a file: Markdown, JSON (PRODUCT.md's keys, proposals ranked) or CSV. Pure functions. */
import type { Digest, ProposalSummary, SessionSummary } from './summary.ts';
import type { DigestFormat, ProposalCard } from './views.ts';
import type { Session } from './model.ts';
import { cardCounts, oneLine, percent, reach, stanceWords } from './view-text.ts';
import { bridgingLine } from './opinion-groups.ts';
import { plural } from './plurals.ts';
import { HIDDEN_NOTE } from './hidden-results.ts';


/**
 * Markdown text is inert: characters that would format, link or start a heading, quote, list or table row are
 * escaped, and line breaks (U+2028/U+2029 included) stay on the line, so nobody's text passes for another line.
 * `:` is escaped too so a bare `https://…` is not autolinked by GitHub-flavoured renderers.
 */
export function escapeMarkdown(text: string): string {
  return oneLine(text).replace(/([\\`*_{}[\]()#+\-.!|<>~:=&])/g, '\\$1');
}

function proposalLine(p: ProposalSummary, place: number): string {
  const label = p.label ? ` **${p.label}**` : '';
  return `${place}. **${p.code}** (${escapeMarkdown(p.speaker)}) ${escapeMarkdown(p.text)} — ${p.support} support · ${p.neutral} neutral · ${p.oppose} oppose (${reach(p)})${label}`;
}

export function digestMarkdown(d: Digest): string {
  const lines = [`# ${escapeMarkdown(d.conference.name)} — digest for ${d.date}`, ''];
  lines.push(
    `${plural(d.totals.sessions, 'session')} · ${plural(d.totals.proposals, 'proposal')} · ${plural(d.totals.reactions, 'reaction')} · ${plural(d.totals.participants, 'participant')} (time zone ${d.conference.timezone})`,
    '',
  );
  if (d.sessions.length === 0) lines.push('_No session started on this day._', '');
  for (const s of d.sessions) {
    lines.push(`## ${escapeMarkdown(s.title)} (${s.id}, ${s.state})`, '');
    if (s.theme) lines.push(`Theme: ${escapeMarkdown(s.theme)}`, '');
    if (s.speakers.length) {
      lines.push(`Speakers: ${s.speakers.map((sp) => `${escapeMarkdown(sp.name)}${sp.organisation ? ` (${escapeMarkdown(sp.organisation)})` : ''}`).join('; ')}`, '');
    }
    lines.push(s.hidden ? `_${HIDDEN_NOTE}._` : `${plural(s.participants, 'participant')}.`, '');
    if (s.hidden) {
      s.proposals.forEach((p, i) => lines.push(`${i + 1}. **${p.code}** (${escapeMarkdown(p.speaker)}) ${escapeMarkdown(p.text)}`));
      lines.push('');
      continue;
    }
    const bridging = bridgingLine(s);
    if (bridging) lines.push(escapeMarkdown(bridging), '');
    s.proposals.forEach((p, i) => {
      lines.push(proposalLine(p, i + 1));
      const groups = Object.entries(p.byGroup).sort(([a], [b]) => a.localeCompare(b));
      for (const [group, c] of groups) lines.push(`   - ${group}: ${stanceWords(c)}`);
      for (const c of p.comments) lines.push(`   - “${escapeMarkdown(c.text)}” — ${c.group}`);
    });
    lines.push('');
  }
  if (d.top.length) {
    lines.push('## Top proposals of the day', '');
    d.top.forEach((p, i) => lines.push(`${proposalLine(p, i + 1)} — ${escapeMarkdown(p.sessionTitle)}`));
    lines.push('');
  }
  return lines.join('\n');
}

/** A session summary as Markdown: the whole text (every comment), attached when a post cannot hold it. */
export function summaryMarkdown(s: SessionSummary, final: boolean): string {
  const lines = [`# ${final ? 'Final summary' : 'Summary'} of session ${s.id}: ${escapeMarkdown(s.title)}`, ''];
  if (s.theme) lines.push(`Theme: ${escapeMarkdown(s.theme)}`, '');
  lines.push(`${s.hidden ? HIDDEN_NOTE : plural(s.participants, 'participant')} · ${s.state}`, '');
  if (s.proposals.length === 0) lines.push('_No proposals yet._', '');
  if (s.hidden) {
    s.proposals.forEach((p, i) => lines.push(`${i + 1}. **${p.code}** (${escapeMarkdown(p.speaker)}) ${escapeMarkdown(p.text)}`));
    return lines.join('\n');
  }
  s.proposals.forEach((p, i) => {
    lines.push(proposalLine(p, i + 1));
    const groups = Object.entries(p.byGroup).sort(([a], [b]) => a.localeCompare(b));
    for (const [group, c] of groups) lines.push(`   - ${escapeMarkdown(group)}: ${stanceWords(c)}`);
    for (const c of p.comments) lines.push(`   - “${escapeMarkdown(c.text)}” — ${escapeMarkdown(c.group)}`);
  });
  const consensus = s.proposals.filter((p) => p.label === 'consensus').map((p) => p.code);
  const divisive = s.proposals.filter((p) => p.label === 'divisive').map((p) => p.code);
  lines.push('', `Broad support across groups: ${consensus.join(', ') || 'none'} · Divides groups: ${divisive.join(', ') || 'none'}`, '');
  return lines.join('\n');
}

/** A menu as Markdown (every proposal's whole text). */
export function menuMarkdown(session: Session, cards: ProposalCard[]): string {
  const lines = [`# Menu of session ${session.id}: ${escapeMarkdown(session.title)} (${session.state})`, ''];
  if (cards.length === 0) lines.push('_No proposals yet._');
  for (const c of cards) {
    const who = c.organisation ? `${c.speakerName}, ${c.organisation}` : c.speakerName;
    lines.push(`- **${c.code}** · ${escapeMarkdown(who)}: ${escapeMarkdown(c.text)} — ${cardCounts(c)}`);
  }
  lines.push('');
  return lines.join('\n');
}

/** JSON keeps the documented keys; `number` and `score` are extra and harmless. */
export function digestJson(d: Digest): string {
  return `${JSON.stringify(d, null, 2)}\n`;
}

const CSV_COLUMNS = [
  'date', 'session', 'session_title', 'session_participants', 'place', 'code', 'speaker', 'speaker_name', 'speaker_organisation', 'rank', 'text', 'support', 'neutral', 'oppose', 'reactors', 'score', 'label', 'by_group', 'comments',
];

function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  // A cell starting with = + - @ would run as a formula in a spreadsheet.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  // Quote anything with a separator, a quote or any line break (U+2028/U+2029 too), doubling inner quotes.
  return /[",\r\n\u2028\u2029\u0085]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function digestCsv(d: Digest): string {
  const rows = [CSV_COLUMNS.join(',')];
  for (const s of d.sessions) {
    const speakers = new Map(s.speakers.map((sp) => [sp.handle, sp]));
    s.proposals.forEach((p, i) => {
      const speaker = speakers.get(p.speaker);
      const byGroup = Object.entries(p.byGroup)
        .map(([g, c]) => `${g}:${c.support}/${c.neutral}/${c.oppose}`)
        .join(' ');
      // A JSON array in one quoted cell: every comment comes back whole, whatever characters it holds.
      const comments = p.comments.length ? JSON.stringify(p.comments.map((c) => ({ text: c.text, group: c.group }))) : '';
      rows.push(
        [d.date, s.id, s.title, s.participants, i + 1, p.code, p.speaker, speaker?.name ?? '', speaker?.organisation ?? '', p.rank, p.text, p.support, p.neutral, p.oppose, p.reactors, p.score.toFixed(4), p.label ?? '', byGroup, comments]
          .map(csvCell)
          .join(','),
      );
    });
  }
  return `${rows.join('\r\n')}\r\n`;
}

export function formatDigest(d: Digest, format: DigestFormat): string {
  if (format === 'json') return digestJson(d);
  if (format === 'csv') return digestCsv(d);
  return digestMarkdown(d);
}

export const digestFileName = (d: Digest, format: DigestFormat) => `plenary-digest-${d.date}.${format}`;
export const summaryFileName = (s: SessionSummary) => `plenary-summary-${s.id}.md`;
export const menuFileName = (session: Session) => `plenary-menu-${session.id}.md`;
