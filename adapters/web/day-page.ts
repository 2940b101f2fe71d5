/** The day's page for organisers: every session of the day with its chart, and the digest as downloads. */
import { sessionChart } from '../../src/chart.ts';
import type { Digest } from '../../src/summary.ts';
import type { Session } from '../../src/model.ts';
import { chartSvg, escapeXml, oneLine } from '../charts/svg.ts';
import { pageHtml } from './layout.ts';
import { resultsHidden } from './screen-state.ts';
import { wordsFor, type ScreenLanguage } from './screen-text.ts';

const e = escapeXml;

export function dayPageHtml(digest: Digest, sessions: Map<string, Session>, language: ScreenLanguage, basePath: string): string {
  const w = wordsFor(language);
  const words = { support: w.support, neutral: w.neutral, oppose: w.oppose };
  const t = digest.totals;
  const parts: string[] = [
    `<header class="top"><p class="conference">${e(digest.conference.name)}</p><h1>${e(w.dayTitle)} ${e(digest.date)}</h1>`,
    `<p class="totals">${t.sessions} ${e(w.sessions)} · ${t.proposals} P · ${t.reactions} ${e(w.reactors)} · ${t.participants} ${e(w.participants)}</p></header>`,
    '<main>',
    `<nav class="downloads" aria-label="${e(w.downloads)}"><h2>${e(w.downloads)}</h2><ul>`,
    ...(['md', 'json', 'csv'] as const).map(
      (f) => `<li><a href="${e(`${basePath}/digest.${f}`)}" download>${{ md: 'Markdown', json: 'JSON', csv: 'CSV' }[f]}</a></li>`,
    ),
    '</ul></nav>',
  ];
  for (const s of digest.sessions) {
    const session = sessions.get(s.id);
    const hidden = session ? resultsHidden(session) : false;
    const headingId = `session-${e(s.id)}`;
    parts.push(`<section class="day-session" aria-labelledby="${headingId}"><h2 id="${headingId}">${e(oneLine(s.title, 150))} <span class="sid">(${e(s.id)})</span></h2>`);
    if (s.theme) parts.push(`<p class="theme">${e(oneLine(s.theme, 500))}</p>`);
    parts.push(`<p class="state">${e(s.state === 'closed' ? w.closed : w.live)}${hidden ? '' : ` · ${s.participants} ${e(w.participants)}`}</p>`);
    if (hidden) parts.push(`<p class="hidden-note">${e(w.hidden)}</p>`);
    else if (s.proposals.length === 0) parts.push(`<p class="empty">${e(w.noProposals)}</p>`);
    else parts.push(`<figure class="chart">${chartSvg(sessionChart(s), { words })}</figure>`);
    parts.push('</section>');
  }
  parts.push('</main>');
  return pageHtml({ language, title: `${w.dayTitle} ${digest.date} — ${digest.conference.name}`, body: parts.join('') });
}
