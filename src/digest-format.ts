/** The digest as a file: Markdown, JSON (PRODUCT.md's keys, proposals ranked) or CSV. Pure functions. */
import type { Digest, ProposalSummary, SessionSummary } from './summary.ts';
import type { DigestFormat, ProposalCard } from './views.ts';
import type { Session } from './model.ts';
import {
  counted, hiddenNote, labelsLine, reach, stanceWords, stateWord, summaryTitle, type Locale,
} from './view-text.ts';
import { bridgingLine } from './opinion-groups.ts';
import { say } from './wording/say.ts';
import { composeCard } from './cards/compose.ts';
import { cardMarkdown, escapeMarkdown } from './cards/markdown.ts';
import { groupName } from './wording/group-names.ts';


/**
 * Markdown text is inert: characters that would format, link or start a heading, quote, list or table row are
 * escaped, and line breaks (U+2028/U+2029 included) stay on the line, so nobody's text passes for another line.
 * `:` is escaped too so a bare `https://…` is not autolinked by GitHub-flavoured renderers.
 */
export { escapeMarkdown };

function proposalLine(p: ProposalSummary, place: number, locale?: Locale): string {
  const label = p.label ? ` **${p.label}**` : '';
  return `${place}. **${p.code}** (${escapeMarkdown(p.speaker)}) ${escapeMarkdown(p.text)} — ${stanceWords(p, locale)} (${reach(p, locale)})${label}`;
}

const theme = (s: SessionSummary, locale?: Locale) => say('view.summary.theme', { theme: escapeMarkdown(s.theme ?? '') }, locale);

export function digestMarkdown(d: Digest, locale?: Locale): string {
  const totals = [counted('sessions', d.totals.sessions, locale), counted('proposals', d.totals.proposals, locale), counted('reactions', d.totals.reactions, locale), counted('participants', d.totals.participants, locale)];
  const lines = [`# ${say('md.digest.title', { name: escapeMarkdown(d.conference.name), date: d.date }, locale)}`, ''];
  lines.push(say('md.digest.totals', { totals: totals.join(' · '), timezone: d.conference.timezone }, locale), '');
  if (d.sessions.length === 0) lines.push(`_${say('md.digest.empty', {}, locale)}_`, '');
  for (const s of d.sessions) {
    lines.push(`## ${escapeMarkdown(s.title)} (${s.id}, ${stateWord(s.state, locale)})`, '');
    if (s.theme) lines.push(theme(s, locale), '');
    if (s.speakers.length) {
      const names = s.speakers.map((sp) => `${escapeMarkdown(sp.name)}${sp.organisation ? ` (${escapeMarkdown(sp.organisation)})` : ''}`).join('; ');
      lines.push(say('md.speakers', { names }, locale), '');
    }
    lines.push(s.hidden ? `_${hiddenNote(locale)}._` : `${counted('participants', s.participants, locale)}.`, '');
    if (s.hidden) {
      s.proposals.forEach((p, i) => lines.push(`${i + 1}. **${p.code}** (${escapeMarkdown(p.speaker)}) ${escapeMarkdown(p.text)}`));
      lines.push('');
      continue;
    }
    const bridging = bridgingLine(s);
    if (bridging) lines.push(escapeMarkdown(bridging), '');
    s.proposals.forEach((p, i) => {
      lines.push(proposalLine(p, i + 1, locale));
      const groups = Object.entries(p.byGroup).sort(([a], [b]) => a.localeCompare(b));
      for (const [group, c] of groups) lines.push(`   - ${groupName(group, locale)}: ${stanceWords(c, locale)}`);
      for (const c of p.comments) lines.push(`   - “${escapeMarkdown(c.text)}” — ${groupName(c.group, locale)}`);
    });
    lines.push('');
  }
  if (d.top.length) {
    lines.push(`## ${say('view.digest.top', {}, locale)}`, '');
    d.top.forEach((p, i) => lines.push(`${proposalLine(p, i + 1, locale)} — ${escapeMarkdown(p.sessionTitle)}`));
    lines.push('');
  }
  return lines.join('\n');
}

/** A session summary as Markdown: the whole text (every comment), attached when a post cannot hold it. */
export function summaryMarkdown(s: SessionSummary, final: boolean, locale?: Locale): string {
  const lines = [`# ${summaryTitle(s, final, escapeMarkdown(s.title), locale)}`, ''];
  if (s.theme) lines.push(theme(s, locale), '');
  lines.push(`${s.hidden ? hiddenNote(locale) : counted('participants', s.participants, locale)} · ${stateWord(s.state, locale)}`, '');
  if (s.proposals.length === 0) lines.push(`_${say('view.no-proposals', {}, locale)}_`, '');
  if (s.hidden) {
    s.proposals.forEach((p, i) => lines.push(`${i + 1}. **${p.code}** (${escapeMarkdown(p.speaker)}) ${escapeMarkdown(p.text)}`));
    return lines.join('\n');
  }
  s.proposals.forEach((p, i) => {
    lines.push(proposalLine(p, i + 1, locale));
    const groups = Object.entries(p.byGroup).sort(([a], [b]) => a.localeCompare(b));
    for (const [group, c] of groups) lines.push(`   - ${escapeMarkdown(groupName(group, locale))}: ${stanceWords(c, locale)}`);
    for (const c of p.comments) lines.push(`   - “${escapeMarkdown(c.text)}” — ${escapeMarkdown(groupName(c.group, locale))}`);
  });
  lines.push('', labelsLine(s.proposals, locale), '');
  return lines.join('\n');
}

/** A menu as Markdown (every proposal's whole text): the Markdown translation of composeCard's menu. */
export const menuMarkdown = (session: Session, cards: ProposalCard[], locale?: Locale): string =>
  cardMarkdown(composeCard({ kind: 'menu', session, cards }, locale));

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

export function formatDigest(d: Digest, format: DigestFormat, locale?: Locale): string {
  if (format === 'json') return digestJson(d);
  if (format === 'csv') return digestCsv(d);
  return digestMarkdown(d, locale);
}

export const digestFileName = (d: Digest, format: DigestFormat) => `plenary-digest-${d.date}.${format}`;
export const summaryFileName = (s: SessionSummary) => `plenary-summary-${s.id}.md`;
export const menuFileName = (session: Session) => `plenary-menu-${session.id}.md`;
