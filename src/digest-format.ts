/** The digest as a file: Markdown, JSON (PRODUCT.md's keys, proposals ranked) or CSV. Pure functions. */
import type { Digest, ProposalSummary } from './summary.ts';
import type { DigestFormat } from './views.ts';
import { percent, stanceWords, reach } from './view-text.ts';
import { plural } from './plurals.ts';
import { HIDDEN_NOTE } from './hidden-results.ts';


/** Markdown text is inert: characters that would format or link are escaped. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+\-.!|<>~])/g, '\\$1').replace(/\r?\n/g, ' ');
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
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
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
      const comments = p.comments.map((c) => `${c.text} (${c.group})`).join(' | ');
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
