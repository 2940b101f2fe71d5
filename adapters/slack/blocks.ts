/**
 * Block Kit primitives and Slack's limits. Pure: text in, blocks out.
 * Everything a user typed passes through `escapeSlack` before it reaches a block or a fallback text,
 * so `<!channel>`, `<!here>` and `<@U…>` typed by a user show as text and never ping anyone.
 */

export const LIMITS = {
  blocksPerMessage: 50, // Slack rejects a message with more
  sectionText: 3000, // section text object
  fallbackText: 3000, // we keep the notification text short too (Slack truncates at 40k)
  buttonText: 75,
  /** Slack answers msg_blocks_too_long past about 12,000 characters across one message's blocks: we keep under. */
  messageText: 11_000,
};

export type Block = Record<string, unknown> & { type: string };
export interface SlackMessage {
  text: string; // plain fallback for notifications and clients without blocks: always present
  blocks: Block[];
  /** The whole text, when the blocks could not hold it: a post uploads it with the message (files upload V2). */
  file?: { name: string; content: string };
}

/** Slack's three control characters; nothing else needs escaping in mrkdwn or `text`. */
export const escapeSlack = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Slash-command text arrives escaped: undo exactly what Slack did (`&amp;` last, so `&amp;lt;` stays `&lt;`). */
export const unescapeSlack = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/**
 * Cuts already-escaped text into pieces of at most `max` UTF-16 units: at line breaks when it can, never
 * inside an entity (`&amp;`) or a surrogate pair, so every piece still renders what the user typed.
 */
export function splitEscaped(text: string, max = LIMITS.sectionText): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf('\n', max);
    if (cut < max / 2) {
      cut = max;
      const amp = rest.lastIndexOf('&', cut - 1);
      if (amp !== -1 && amp > cut - 5 && rest.indexOf(';', amp) >= cut) cut = amp; // entity would straddle
      const code = rest.charCodeAt(cut - 1);
      if (code >= 0xd800 && code <= 0xdbff) cut -= 1; // high surrogate: keep the pair together
      pieces.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    } else {
      pieces.push(rest.slice(0, cut));
      rest = rest.slice(cut + 1);
    }
  }
  if (rest.length || pieces.length === 0) pieces.push(rest);
  return pieces;
}

/** Clips escaped text to `max` units with an ellipsis, without breaking an entity or a surrogate pair. */
export function clipEscaped(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${splitEscaped(text, max - 1)[0]}…`;
}

/** One or more mrkdwn sections: long text becomes several sections, each within the limit. */
export function sections(mrkdwn: string): Block[] {
  return splitEscaped(mrkdwn).map((piece) => ({ type: 'section', text: { type: 'mrkdwn', text: piece || ' ' } }));
}

export const section = (mrkdwn: string): Block => sections(mrkdwn)[0];

export const context = (mrkdwn: string): Block => ({
  type: 'context',
  elements: [{ type: 'mrkdwn', text: clipEscaped(mrkdwn, LIMITS.sectionText) }],
});

export const divider = (): Block => ({ type: 'divider' });

export function button(text: string, actionId: string, value: string, style?: 'primary' | 'danger'): Record<string, unknown> {
  return {
    type: 'button',
    text: { type: 'plain_text', text: clipEscaped(text, LIMITS.buttonText), emoji: true },
    action_id: actionId,
    value,
    ...(style ? { style } : {}),
  };
}

/** Code blocks for file contents shown inline: each piece fenced on its own, within the section limit. */
export function codeSections(content: string): Block[] {
  const fence = 8; // "```\n" + "\n```"
  return splitEscaped(escapeSlack(content.replace(/\r\n/g, '\n').replace(/\n$/, '')), LIMITS.sectionText - fence).map((piece) => ({
    type: 'section',
    text: { type: 'mrkdwn', text: `\`\`\`\n${piece}\n\`\`\`` },
  }));
}

/**
 * Splits a long list of blocks across messages of at most 50 blocks. The first message carries the
 * fallback text; the others say they continue it, so every message has a `text`.
 */
export function paginate(blocks: Block[], fallback: string): SlackMessage[] {
  const text = clipEscaped(fallback, LIMITS.fallbackText) || ' ';
  const messages: SlackMessage[] = [];
  for (let i = 0; i < blocks.length; i += LIMITS.blocksPerMessage) {
    const page = messages.length + 1;
    messages.push({ text: page === 1 ? text : clipEscaped(`(continued, part ${page}) ${text}`, LIMITS.fallbackText), blocks: blocks.slice(i, i + LIMITS.blocksPerMessage) });
  }
  return messages.length ? messages : [{ text, blocks: [] }];
}

/** Characters of text across a message's blocks: what Slack's `msg_blocks_too_long` counts. */
export function blocksTextLength(blocks: Block[]): number {
  let n = 0;
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if ((o.type === 'mrkdwn' || o.type === 'plain_text') && typeof o.text === 'string') n += o.text.length;
    else for (const v of Object.values(o)) if (typeof v === 'object') walk(v);
  };
  walk(blocks);
  return n;
}

/** True when the blocks fit one message: ≤ 50 blocks and within the text budget. */
export const fitsOneMessage = (blocks: Block[]) =>
  blocks.length <= LIMITS.blocksPerMessage && blocksTextLength(blocks) <= LIMITS.messageText;

/**
 * Escaped mrkdwn lines packed into as few sections as the section limit allows, taking lines while the
 * message stays within `budget` characters and `maxBlocks` blocks. Returns the blocks and how many lines fit.
 */
export function packLines(lines: string[], budget: number, maxBlocks: number): { blocks: Block[]; taken: number } {
  const blocks: Block[] = [];
  let current = '';
  let used = 0;
  let taken = 0;
  for (const raw of lines) {
    const line = clipEscaped(raw, LIMITS.sectionText);
    const joined = current ? `${current}\n${line}` : line;
    const cost = current ? line.length + 1 : line.length;
    if (used + cost > budget) break;
    if (joined.length <= LIMITS.sectionText) {
      current = joined;
    } else {
      if (blocks.length + 1 >= maxBlocks) break;
      blocks.push({ type: 'section', text: { type: 'mrkdwn', text: current } });
      current = line;
    }
    used += cost;
    taken += 1;
  }
  if (current) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: current } });
  return { blocks, taken };
}
