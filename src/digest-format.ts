/** The digest as a file: Markdown (the digest card's Markdown translation), JSON (PRODUCT.md's keys, proposals ranked) or CSV. Pure functions. */
import type { Digest, SessionSummary } from './summary.ts';
import type { DigestFormat, ProposalCard } from './views.ts';
import type { Session } from './model.ts';
import type { Locale } from './view-text.ts';
import { composeCard } from './cards/compose.ts';
import { digestCard, summaryCard } from './cards/results.ts';
import { cardMarkdown, escapeMarkdown } from './cards/markdown.ts';

export { escapeMarkdown };
export { digestFileName, menuFileName, summaryFileName } from './cards/results.ts';

/** The day's digest as Markdown: every session with its speakers, ranked proposals, breakdowns and comments. */
export const digestMarkdown = (d: Digest, locale?: Locale): string => cardMarkdown(digestCard(d, locale));

/** A session summary as Markdown: the whole text (every comment), attached when a post cannot hold it. */
export const summaryMarkdown = (s: SessionSummary, final: boolean, locale?: Locale): string => cardMarkdown(summaryCard(s, final, locale));

/** A menu as Markdown (every proposal's whole text). */
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
