/**
 * The session's screen as HTML. `liveRegionHtml` is both the first state rendered on the server and every
 * update pushed to open pages, so the page reads the same before and after any script runs.
 * Made for a projector: large type, one stacked bar per proposal, counts written out beside the colours.
 */
import { barOf } from '../../src/chart.ts';
import type { ProposalSummary } from '../../src/summary.ts';
import { escapeXml, oneLine, stackedBarSvg } from '../charts/svg.ts';
import { pageHtml } from './layout.ts';
import type { ScreenState } from './screen-state.ts';
import { directionOf, wordsFor, type ScreenLanguage, type ScreenWords } from './screen-text.ts';

const e = escapeXml;

function countsLine(p: ProposalSummary, w: ScreenWords): string {
  return [
    `<span class="count s"><b class="n-support">${p.support}</b> ${e(w.support)}</span>`,
    `<span class="count n"><b class="n-neutral">${p.neutral}</b> ${e(w.neutral)}</span>`,
    `<span class="count o"><b class="n-oppose">${p.oppose}</b> ${e(w.oppose)}</span>`,
    `<span class="count r"><b class="n-reactors">${p.reactors}</b> ${e(w.reactors)}</span>`,
  ].join(' ');
}

function badges(p: ProposalSummary, w: ScreenWords): string {
  const bar = barOf(p);
  const list: string[] = [];
  if (bar.label === 'consensus') list.push(`<span class="badge consensus">${e(w.consensus)}</span>`);
  if (bar.label === 'divisive') list.push(`<span class="badge divisive">${e(w.divisive)}</span>`);
  if (bar.bridging) list.push(`<span class="badge bridging">${e(w.bridging)}</span>`);
  return list.join(' ');
}

function groupRows(p: ProposalSummary, w: ScreenWords, rtl: boolean): string {
  const groups = Object.entries(p.byGroup).sort(([a], [b]) => a.localeCompare(b));
  if (groups.length === 0) return '';
  const rows = groups.map(([group, c]) => {
    const label = `${group}: ${c.support} ${w.support}, ${c.neutral} ${w.neutral}, ${c.oppose} ${w.oppose}`;
    return `<li><span class="group">${e(group)}</span>${stackedBarSvg(c, { label, rtl, className: 'bar mini' })}<span class="mini-counts" aria-hidden="true">${c.support} · ${c.neutral} · ${c.oppose}</span></li>`;
  });
  return `<div class="groups"><p class="groups-title">${e(w.byGroup)}</p><ul>${rows.join('')}</ul></div>`;
}

function proposalItem(p: ProposalSummary, state: ScreenState, w: ScreenWords, rtl: boolean): string {
  const head = `<p class="proposal-head"><span class="code">${e(p.code)}</span> <span class="text">${e(oneLine(p.text, 500))}</span> <span class="speaker">— ${e(p.speaker)}</span></p>`;
  if (state.hidden) return `<li class="proposal" data-code="${e(p.code)}">${head}</li>`;
  const label = `${p.code}: ${p.support} ${w.support}, ${p.neutral} ${w.neutral}, ${p.oppose} ${w.oppose}`;
  return [
    `<li class="proposal" data-code="${e(p.code)}">`,
    head,
    `<p class="badges">${badges(p, w)}</p>`,
    stackedBarSvg(p, { label, rtl }),
    `<p class="counts">${countsLine(p, w)}</p>`,
    groupRows(p, w, rtl),
    '</li>',
  ].join('');
}

/** The part of the page that changes: pushed whole on every update (escaped here, on the server). */
export function liveRegionHtml(state: ScreenState, language: ScreenLanguage): string {
  const w = wordsFor(language);
  const rtl = directionOf(language) === 'rtl';
  const s = state.summary;
  const closed = state.session.state === 'closed';
  const status = closed ? `${w.closed} · ${w.finalSummary}` : w.live;
  const out: string[] = [
    `<p class="state ${closed ? 'closed' : 'open'}"><span class="pill">${e(status)}</span>${state.hidden ? '' : ` <span class="participants"><b>${s.participants}</b> ${e(w.participants)}</span>`}</p>`,
  ];
  if (state.hidden) out.push(`<p class="hidden-note" role="note">${e(w.hidden)}</p>`);
  out.push(`<section class="menu" aria-labelledby="menu-title"><h2 id="menu-title">${e(w.menu)}</h2>`);
  if (s.proposals.length === 0) out.push(`<p class="empty">${e(w.noProposals)}</p>`);
  else out.push(`<ol class="proposals">${s.proposals.map((p) => proposalItem(p, state, w, rtl)).join('')}</ol>`);
  out.push('</section>');
  if (!state.hidden) {
    out.push(`<section class="comments" aria-labelledby="comments-title"><h2 id="comments-title">${e(w.comments)}</h2>`);
    if (state.comments.length === 0) out.push(`<p class="empty">${e(w.noComments)}</p>`);
    else {
      const items = state.comments.map((c) => `<li><span class="code">${e(c.code)}</span> <q>${e(oneLine(c.text, 500))}</q> <span class="group">— ${e(c.group)}</span></li>`);
      out.push(`<ul class="comment-list">${items.join('')}</ul>`);
    }
    out.push('</section>');
  }
  return out.join('');
}

/** The whole page; `streamPath` is where the script listens for updates (server-sent events). */
export function screenPageHtml(state: ScreenState, language: ScreenLanguage, streamPath: string): string {
  const w = wordsFor(language);
  const s = state.session;
  const body = [
    `<header class="top"><p class="conference">${e(state.conference)}</p><h1>${e(oneLine(s.title, 150))}</h1>`,
    s.theme ? `<p class="theme"><span class="theme-label">${e(w.theme)}:</span> ${e(oneLine(s.theme, 500))}</p>` : '',
    '</header>',
    `<main id="live" data-stream="${e(streamPath)}" data-reconnecting="${e(w.reconnecting)}" data-connected="${e(w.connected)}">`,
    liveRegionHtml(state, language),
    '</main>',
    '<footer><p id="connection" class="connection" role="status" aria-live="polite"></p></footer>',
  ].join('');
  return pageHtml({ language, title: `${s.title} — ${state.conference}`, body, script: true });
}
