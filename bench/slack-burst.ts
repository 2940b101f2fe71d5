/**
 * Platform economy: a burst of 1,000 reactions on one proposal through the Slack adapter (real Bolt over
 * HTTP, Web API = the Slack fake, default SQLite store). Counts the chat.update calls that edit the
 * proposal's message, their tightest spacing, and checks that the message ends showing the final counts.
 */
import { join } from 'node:path';
import { Plenary } from '../src/plenary.ts';
import { parseConfig } from '../src/config.ts';
import { openStore } from '../src/store/open-store.ts';
import { Delivery, currentCard } from '../adapters/delivery.ts';
import { proposalMessage } from '../adapters/slack/render.ts';
import { startSlack } from '../adapters/slack/start.ts';
import { startFakeSlackWebApi } from '../test/fakes/slack/fake-web-api.ts';
import { signedSender } from '../test/fakes/slack/signed-requests.ts';
import { CHANNEL, MODERATOR, SECRET, TOKEN } from './slack-http.ts';

export interface BurstResult {
  reactions: number;
  burstMs: number; // first request sent → last ack
  updates: number; // chat.update calls on the proposal's message
  minGapMs: number; // tightest spacing between two of them
  maxPerSecond: number; // most updates in any 1-second window
  settleMs: number; // last ack → the message shows the final counts
  finalShown: boolean;
}

const STANCES = ['support', 'support', 'neutral', 'oppose'];

export async function burstRep(dir: string, rep: number, reactions = 1000, concurrency = 20): Promise<BurstResult> {
  const api = await startFakeSlackWebApi();
  const store = await openStore(`sqlite://${join(dir, `burst-${rep}.sqlite`)}`);
  const config = parseConfig({ conference: { name: 'Bench', timezone: 'UTC' }, roles: { organisers: [], moderators: [`slack:${MODERATOR}`] } });
  const core = new Plenary({ store, config });
  const log = () => {};
  const stop = await startSlack({ core, env: { port: 0, slack: { botToken: TOKEN, signingSecret: SECRET, apiUrl: api.apiUrl } }, log, delivery: new Delivery(log) });
  try {
    const slack = signedSender({ url: `http://127.0.0.1:${stop.port}/slack/events`, signingSecret: SECRET });
    const responseUrl = api.responseUrl('burst');
    for (const [command, text] of [['/session', 'start Burst'], ['/speaker', 'add icann ICANN'], ['/priority', 'add icann One proposal for everyone'], ['/priority', 'post all']]) {
      await slack.slashCommand({ command, text, user_id: MODERATOR, channel_id: CHANNEL, response_url: responseUrl });
    }
    // The session announcement is posted too: the proposal's message is the one whose text starts with P1.
    const posted = await api.waitFor((c) => c.method === 'chat.postMessage' && c.status === 200 && /^P1\b/.test(String(c.args.text ?? '')), 15_000);
    const ts = (posted.response as unknown as { ts: string }).ts;
    const channel = (posted.response as unknown as { channel: string }).channel;
    const startIndex = api.calls.length;

    const t0 = performance.now();
    const wallStart = Date.now();
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < reactions; i = next++) {
        const r = await slack.slashCommand({ command: '/react', text: `P1 ${STANCES[i % STANCES.length]}`, user_id: `UBURST${i}`, channel_id: CHANNEL, response_url: responseUrl });
        if (r.status !== 200) throw new Error(`burst: /react answered ${r.status}`);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const burstMs = performance.now() - t0;
    const acked = performance.now();

    const sid = (await core.sessionInChannel(`slack:${CHANNEL}`))?.id as string;
    const final = await core.summaries.proposalCounts(sid, 1);
    if (final.reactors !== reactions) throw new Error(`burst: ${final.reactors} reactions stored, ${reactions} sent`);
    // The message shows the final counts when its blocks are the card rendered now (block ids carry a revision).
    const finalCard = await currentCard(core, sid, 1);
    const withoutIds = (blocks: unknown) => JSON.stringify(blocks, (key, value) => (key === 'block_id' ? undefined : value));
    const shown = withoutIds(proposalMessage(finalCard!).blocks);
    const showsFinal = () => withoutIds((api.message(channel, ts) as { blocks?: unknown } | undefined)?.blocks) === shown;
    const deadline = Date.now() + 60_000;
    while (!showsFinal() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    const settleMs = performance.now() - acked;
    const finalShown = showsFinal();
    await new Promise((r) => setTimeout(r, 1500)); // any trailing edit still counts

    const edits = api.calls.slice(startIndex).filter((c) => c.method === 'chat.update' && (c.args as { ts?: string }).ts === ts && c.at >= wallStart);
    const times = edits.map((c) => c.at).sort((a, b) => a - b);
    let minGapMs = Number.POSITIVE_INFINITY;
    let maxPerSecond = 0;
    for (let i = 0; i < times.length; i++) {
      if (i > 0) minGapMs = Math.min(minGapMs, times[i] - times[i - 1]);
      let j = i;
      while (j < times.length && times[j] - times[i] < 1000) j++;
      maxPerSecond = Math.max(maxPerSecond, j - i);
    }
    return { reactions, burstMs, updates: edits.length, minGapMs: Number.isFinite(minGapMs) ? minGapMs : 0, maxPerSecond, settleMs, finalShown };
  } finally {
    await stop();
    await api.close();
    await store.close();
  }
}
