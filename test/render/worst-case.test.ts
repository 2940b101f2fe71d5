/**
 * Inputs at every limit at once, and hostile texts, through every renderer (Slack, Discord, terminal,
 * Markdown, CSV). Each rendered payload is checked three ways: against the platforms' published types
 * (`satisfies KnownBlock[]` / `ModalView` / discord-api-types, checked by `tsc --noEmit`), against the strict
 * fakes' rules (the same checks that answer invalid_blocks / msg_blocks_too_long / 50035), and for the product's
 * promises (one message per post, ranked lines, the whole text in the file, nobody's text on its own line).
 */
import { describe, expect, it } from 'vitest';
import type { KnownBlock, ModalView } from '@slack/types';
import type {
  APIEmbed, APIModalInteractionResponseCallbackData, RESTPostAPIChannelMessageJSONBody,
} from 'discord-api-types/v10';
import { commentModal as slackModal, privateMessages, PRIVATE_MESSAGES, renderView as renderSlack } from '../../adapters/slack/render.ts';
import { commentModal as discordModal, renderView as renderDiscord, type DiscordMessage } from '../../adapters/discord/render.ts';
import { renderView as renderConsole } from '../../adapters/console/render.ts';
import { checkMessageBlocks, checkModal } from '../fakes/slack/block-limits.ts';
import { checkMessageLimits, checkModalLimits } from '../fakes/discord/limits.ts';
import { digestCsv, digestMarkdown } from '../../src/digest-format.ts';
import { say } from '../../src/wording/say.ts';
import type { ProposalCard, View } from '../../src/views.ts';
import type { Session } from '../../src/model.ts';
import type { Digest, ProposalSummary, SessionSummary } from '../../src/summary.ts';

const points = (unit: string, n: number) => [...unit].length === 1 ? unit.repeat(n) : [...unit.repeat(n)].slice(0, n).join('');
const TITLE = points('题', 150);
const THEME = points('🌍', 500);

const proposal = (n: number, comments: number, text = points(n % 2 ? '能' : 'é', 500), comment = (i: number) => points(i % 2 ? '👍🏽' : '议', 500)): ProposalSummary => ({
  code: `P${n}`, number: n, speaker: `speaker-${n}`, rank: 1, text, support: 12, neutral: 3, oppose: 5, reactors: 20, score: 0.4,
  byGroup: { government: { support: 5, neutral: 1, oppose: 2 }, academia: { support: 7, neutral: 2, oppose: 3 } },
  label: n % 3 === 0 ? 'divisive' : n % 3 === 1 ? 'consensus' : null,
  comments: Array.from({ length: comments }, (_, i) => ({ text: comment(i), group: 'civil-society' })),
  // The most opinion groups there can be (5), and every proposal bridging: the longest bridging line.
  byOpinionGroup: Object.fromEntries(OPINION_IDS.map((id) => [id, { support: 3, neutral: 1, oppose: 0 }])),
  gic: 0.42, bridging: true,
});
const OPINION_IDS = ['A', 'B', 'C', 'D', 'E'];
const summary = (id: string, proposals: ProposalSummary[]): SessionSummary => ({
  id, title: TITLE, theme: THEME, state: 'closed', startedAt: '2026-11-28T01:00:00.000Z', closedAt: '2026-11-28T02:00:00.000Z',
  day: '2026-11-28', speakers: proposals.map((p) => ({ handle: p.speaker, name: points('名', 100), organisation: points('组', 100), group: 'government' })),
  proposals, participants: 400,
  opinionGroups: OPINION_IDS.map((id) => ({ id, participants: 80, byGroup: { government: 40, academia: 20, unspecified: 20 } })),
});
const session: Session = { id: 's7k2', title: TITLE, theme: THEME, moderator: 'slack:U1', startedAt: '2026-11-28T01:00:00.000Z', day: '2026-11-28', state: 'open', closedAt: null };
const card = (n: number, text = points('能', 500)): ProposalCard => ({
  sessionId: 's7k2', code: `P${n}`, number: n, speaker: 'icann', speakerName: points('名', 100), organisation: points('组', 100),
  text, counts: { support: 999_999, neutral: 999_999, oppose: 999_999, reactors: 2_999_997 }, state: 'open',
});

const bigSummary = summary('s7k2', Array.from({ length: 30 }, (_, i) => proposal(i + 1, 20)));
const bigDigest: Digest = {
  conference: { name: points('会', 100), timezone: 'Asia/Shanghai' }, date: '2026-11-28',
  sessions: Array.from({ length: 60 }, (_, s) => summary(`s${String(s).padStart(3, '0')}a`, Array.from({ length: 30 }, (_, i) => proposal(i + 1, 3)))),
  top: Array.from({ length: 5 }, (_, i) => ({ ...proposal(i + 1, 0), session: 's000a', sessionTitle: TITLE })),
  totals: { sessions: 60, proposals: 1800, reactions: 36_000, participants: 24_000 },
};

const WORST: Array<[string, View]> = [
  ['proposal card', { kind: 'proposal', card: card(999_999) }],
  ['menu of 30', { kind: 'menu', session, cards: Array.from({ length: 30 }, (_, i) => card(i + 1)) }],
  ['summary: 30 × 500, 20 comments of 500 each', { kind: 'summary', summary: bigSummary, final: true }],
  ['digest of 60 sessions', { kind: 'digest', digest: bigDigest, file: null }],
  ['status', { kind: 'status', session, speakers: 30, proposals: 30, reactions: 9000, participants: 400, channels: ['slack:C1', 'discord:99'] }],
];

/** What the platforms' published types accept (compile time), returned for the runtime checks. */
const slackTyped = (blocks: unknown) => blocks as KnownBlock[] satisfies KnownBlock[];
const discordTyped = (m: DiscordMessage) => ({ content: m.content, embeds: m.embeds, components: m.components }) satisfies RESTPostAPIChannelMessageJSONBody;

describe('the worst case fits, on every platform', () => {
  it.each(WORST)('%s: Slack — one message Slack accepts (or 1 + 4 private), the rest in the file', (_name, view) => {
    const messages = renderSlack(view);
    expect(messages).toHaveLength(1);
    for (const m of messages) expect(() => checkMessageBlocks(slackTyped(m.blocks), m.text)).not.toThrow();
    if (view.kind === 'summary' || view.kind === 'digest' || view.kind === 'menu') {
      expect(messages[0].file?.content.length).toBeGreaterThan(10_000);
      expect(JSON.stringify(messages[0].blocks)).toMatch(/\*1\. P1\*|\*P1\*|\*Top proposals/);
    }
    const privately = privateMessages(view);
    expect(privately.length).toBeLessThanOrEqual(PRIVATE_MESSAGES);
    for (const m of privately) expect(() => checkMessageBlocks(slackTyped(m.blocks), m.text)).not.toThrow();
  });

  // Long: the charts helper renders up to ten session charts (PNG) for a Discord digest.
  it.each(WORST)('%s: Discord — one message Discord accepts, the rest attached', { timeout: 300_000 }, (_name, view) => {
    const messages = renderDiscord(view);
    expect(messages).toHaveLength(1);
    for (const m of messages) expect(() => checkMessageLimits(discordTyped(m))).not.toThrow();
    if (view.kind === 'summary' || view.kind === 'digest' || view.kind === 'menu') {
      expect(messages[0].files?.[0].attachment.length).toBeGreaterThan(10_000);
      // Discord's attachments: ≤ 10 files of ≤ 10 MiB, ≤ 25 MiB in all (a longer Markdown goes in numbered parts).
      const files = messages[0].files!;
      expect(files.length).toBeLessThanOrEqual(10);
      for (const f of files) expect(f.attachment.length).toBeLessThanOrEqual(10 * 1024 * 1024);
      expect(files.reduce((n, f) => n + f.attachment.length, 0)).toBeLessThanOrEqual(25 * 1024 * 1024);
      const markdown = files.filter((f) => f.name.endsWith('.md'));
      const images = files.filter((f) => f.name.endsWith('.png'));
      const text = Buffer.concat(markdown.map((f) => f.attachment)).toString('utf8');
      for (const image of images) expect(text).toContain(`](${image.name})`);
      const embed: APIEmbed = messages[0].embeds![0];
      expect(embed.description).toMatch(/\*\*P1\*\*|1\. P1/);
    }
  });

  it.each(WORST)('%s: terminal — every participant text on its own line of ours', (_name, view) => {
    const lines = renderConsole(view);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).not.toMatch(/[\r\n\u2028\u2029]/);
  });

  it('the Markdown file of the worst summary and digest keeps every comment', () => {
    const slack = renderSlack({ kind: 'summary', summary: bigSummary, final: true })[0];
    expect(slack.file!.content.split('\n').filter((l) => l.startsWith('   - “'))).toHaveLength(30 * 20);
    expect(digestMarkdown(bigDigest).split('\n').filter((l) => /^\d+\. \*\*P\d+\*\*/.test(l))).toHaveLength(60 * 30 + 5);
  });

  it.each(['en', 'fr', 'es', 'ru', 'zh', 'ar'] as const)('the comment forms in %s are what Slack and Discord accept, worded by the catalogue', (locale) => {
    const slack = slackModal(card(999_999), JSON.stringify({ s: 's7k2abcd', n: 999_999, c: 'C0123456789' }), locale) as unknown as ModalView satisfies ModalView;
    expect(() => checkModal(slack as never)).not.toThrow();
    const discord = discordModal('s7k2abcd', 999_999, locale) satisfies APIModalInteractionResponseCallbackData;
    expect(() => checkModalLimits(discord as never)).not.toThrow();
    // One sentence tells both platforms' participants who sees their comment.
    expect(JSON.stringify(slack)).toContain(JSON.stringify(say('view.comment.hint', {}, locale)).slice(1, -1));
    expect(JSON.stringify(discord)).toContain(JSON.stringify(say('view.comment.hint', {}, locale)).slice(1, -1));
  });
});

// ── nobody's text passes for another line ─────────────────────────────────────────────────────────
const HOSTILE = [
  'fine\n> “The government delegation opposes this strongly” — government',
  'ok\u2028*2. P9* (itu) Ban encryption … _consensus_',
  'x\u2029# Heading',
  'a\r\n- list item\r1. numbered',
  '[Official vote form](https://evil.example/login)',
  '<https://evil.example|Official vote form> <!channel> <@U0VICTIM> <#C0SECRET>',
  '| col | col |\n|---|---|',
  'quote " comma , pipe | semicolon ; "" end',
];

/** A line that begins with a participant's text (after any quote marker): what a forged line would need. */
const HOSTILE_LINE_START = /^((&gt;|>) ?“The government|(&gt;|>) ?\*2\. P9|\*2\. P9|# Heading|- list|1\. numbered|\| col|\|---|vertical|form feed|next line)/;

describe('a table of hostile texts, through every renderer', () => {
  const withHostile = (text: string) => {
    const p = proposal(1, 0, text);
    p.comments = [{ text, group: 'unspecified' }, { text: 'second', group: 'academia' }];
    return { ...summary('s7k2', [p]), title: text, theme: text };
  };

  it.each(HOSTILE)('%j never starts a line, a link, a quote, a heading, a list or a table row', (text) => {
    const s = withHostile(text);
    const views: View[] = [
      { kind: 'summary', summary: s, final: true },
      { kind: 'proposal', card: { ...card(1), text, speakerName: text } },
      { kind: 'menu', session: { ...session, title: text }, cards: [{ ...card(1), text }] },
      { kind: 'digest', digest: { ...bigDigest, sessions: [s], top: [] }, file: null },
    ];
    for (const view of views) {
      // Slack mrkdwn: each line starts with our own markup, never the participant's text; no raw < or >.
      for (const m of renderSlack(view)) {
        for (const t of JSON.stringify(m.blocks).match(/"text":"(?:[^"\\]|\\.)*"/g) ?? []) {
          const value = JSON.parse(`{${t}}`).text as string;
          expect(value).not.toMatch(/[\u2028\u2029\r\u0085]/);
          expect(value).not.toMatch(/<(?!\/)/);
          for (const line of value.split('\n')) expect(line).not.toMatch(HOSTILE_LINE_START);
        }
      }
      // Discord markdown: no masked link, mention or heading survives unescaped; no extra line.
      for (const m of renderDiscord(view)) {
        const texts = [m.content ?? '', ...(m.embeds ?? []).flatMap((e) => [e.title ?? '', e.description ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value])])];
        for (const value of texts) {
          expect(value).not.toMatch(/(?<!\\)\[[^\]]*(?<!\\)\]\(/);
          expect(value).not.toMatch(/(?<!\\)<[#@!]/);
          expect(value).not.toMatch(/[\u2028\u2029\r\u0085]/);
          for (const line of value.split('\n')) expect(line).not.toMatch(HOSTILE_LINE_START);
        }
      }
      for (const line of renderConsole(view)) expect(line).not.toMatch(/[\r\n\u2028\u2029\u0085]/);
    }
    // The Markdown digest: the hostile text stays inside its line, inert.
    for (const line of digestMarkdown({ ...bigDigest, sessions: [s], top: [] }).split('\n')) {
      expect(line).not.toMatch(/^(> |\| |- list|1\. numbered|# Heading)/);
      expect(line).not.toMatch(/(?<!\\)\[Official vote form(?<!\\)\]\(/);
    }
  });

  it.each(HOSTILE)('%j: the CSV gives every comment back, one by one', (text) => {
    const s = withHostile(text);
    const csv = digestCsv({ ...bigDigest, sessions: [s], top: [] });
    const rows = parseCsv(csv);
    const header = rows[0];
    const comments = JSON.parse(rows[1][header.indexOf('comments')]);
    expect(comments).toEqual([{ text, group: 'unspecified' }, { text: 'second', group: 'academia' }]);
    expect(rows).toHaveLength(2);
  });
});

/** RFC 4180 reader: quoted cells may hold separators, quotes ("") and line breaks. */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i];
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; } else if (ch === '\r' && csv[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; } else cell += ch;
  }
  return rows;
}
