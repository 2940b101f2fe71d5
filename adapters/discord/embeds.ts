/**
 * Discord embeds and their limits. Pure: text in, payloads out. Participants' text passes through `md` before it
 * reaches an embed, and every message carries NO_MENTIONS, so nothing a user typed pings anyone.
 */
import { escapeMarkdown, type APIActionRowComponent, type APIButtonComponent, type APIEmbed, type APIEmbedField } from 'discord.js';
import { oneLine } from '../../src/view-text.ts';

export const LIMITS = { content: 2000, embedTotal: 6000, title: 256, description: 4096, fieldName: 256, fieldValue: 1024, fields: 25 } as const;
/** Sent with every message and response: user text never pings anyone. */
export const NO_MENTIONS = { parse: [] as [] };

export interface DiscordMessage {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIButtonComponent>[];
  files?: Array<{ name: string; attachment: Buffer }>;
  allowedMentions: typeof NO_MENTIONS;
}

/** Embed colours by card tone. */
export const COLOR = { brand: 0x3b6ea5, open: 0x3b6ea5, closed: 0x6b7280, withdrawn: 0x9ca3af, error: 0xb91c1c } as const;


/**
 * A participant's text made inert in Discord markdown: on one line, and no link (masked or `<#…>`/`<@…>`
 * mention syntax), heading, quote, list, code or emphasis: discord.js's escapeMarkdown, plus `<`, `>`, `[`, `]`,
 * `|`, `*` and `_` escaped one by one.
 */
export function md(text: string): string {
  const escaped = escapeMarkdown(oneLine(text), {
    // Emphasis (`*`, `_`) is escaped below, character by character: discord.js's italic rule is slow on long text.
    codeBlock: true, inlineCode: true, bold: false, italic: false, underline: false, strikethrough: true, spoiler: true,
    codeBlockContent: true, inlineCodeContent: true, escape: true, heading: true, bulletedList: true, numberedList: true, maskedLink: true,
  });
  return escaped.replace(/(?<!\\)([<>[\]|*_])/g, '\\$1');
}

/** Cuts to `max` UTF-16 units (what Discord's limits count, conservatively) without splitting a pair. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/** Splits text into chunks ≤ max, preferring line breaks; a single over-long line is hard-split. */
export function splitText(text: string, max: number = LIMITS.content): string[] {
  const chunks: string[] = [];
  let current = '';
  const pushLine = (line: string) => {
    const candidate = current ? `${current}\n${line}` : line;
    if (candidate.length <= max) { current = candidate; return; }
    if (current) chunks.push(current);
    current = '';
    let rest = line;
    while (rest.length > max) {
      let head = '';
      for (const ch of rest) {
        if (head.length + ch.length > max) break;
        head += ch;
      }
      chunks.push(head);
      rest = rest.slice(head.length);
    }
    current = rest;
  };
  for (const line of text.split('\n')) pushLine(line);
  if (current || chunks.length === 0) chunks.push(current);
  return chunks;
}

/** Lines packed into fields ≤ 1,024; continuation fields repeat the name with "(cont.)". */
export function linesToFields(name: string, lines: string[]): APIEmbedField[] {
  const fields: APIEmbedField[] = [];
  for (const chunk of splitText(lines.map((l) => clip(l, LIMITS.fieldValue)).join('\n') || '—', LIMITS.fieldValue)) {
    fields.push({ name: clip(fields.length ? `${name} (cont.)` : name, LIMITS.fieldName), value: chunk || '—' });
  }
  return fields;
}

export const embedSize = (e: APIEmbed) =>
  (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.author?.name.length ?? 0) +
  (e.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0);

/**
 * One embed per message, fields spread over as many embeds as the limits need. Keeping one embed per
 * message makes the 6,000-character rule (which counts every embed of a message together) simple.
 */
export function packEmbeds(head: APIEmbed, fields: APIEmbedField[]): APIEmbed[] {
  const first: APIEmbed = { ...head, title: head.title && clip(head.title, LIMITS.title), description: head.description && clip(head.description, LIMITS.description), fields: [] };
  const embeds = [first];
  let current = first;
  for (const field of fields) {
    const fits = current.fields!.length < LIMITS.fields && embedSize(current) + field.name.length + field.value.length <= LIMITS.embedTotal;
    if (!fits) {
      current = { color: head.color, title: clip(`${head.title ?? ''} (continued)`, LIMITS.title), fields: [] };
      embeds.push(current);
    }
    current.fields!.push(field);
  }
  for (const e of embeds) if (!e.fields!.length) delete e.fields;
  return embeds;
}


export const asMessages = (embeds: APIEmbed[]): DiscordMessage[] => embeds.map((e) => ({ embeds: [e], allowedMentions: NO_MENTIONS }));
export const textMessages = (text: string): DiscordMessage[] => splitText(text).map((content) => ({ content, allowedMentions: NO_MENTIONS }));
