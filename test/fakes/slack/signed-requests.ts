/**
 * Sends requests to a Bolt HTTP endpoint exactly as Slack does: v0 HMAC-SHA256 over
 * `v0:<ts>:<raw body>`, X-Slack-Signature / X-Slack-Request-Timestamp headers.
 * Note: Bolt only parses form bodies when Content-Type is exactly
 * `application/x-www-form-urlencoded` (no charset) — which is what Slack sends.
 */
import { createHmac } from 'node:crypto';
import {
  buildBlockAction, buildEventCallback, buildSlashCommand, buildViewSubmission,
  type BlockActionInput, type EventCallbackInput, type SlashCommandInput, type ViewSubmissionInput,
} from './payloads.ts';

export * from './payloads.ts';

export interface BoltTarget {
  url: string; // e.g. http://127.0.0.1:<port>/slack/events
  signingSecret: string;
}

export interface Forgery {
  badSignature?: boolean; // sign with the wrong secret
  staleTimestamp?: boolean; // timestamp 6 minutes old (Bolt rejects > 5)
  timestamp?: number; // explicit seconds
  headers?: Record<string, string>;
}

export interface SignedResult {
  status: number;
  body: string;
  json?: unknown; // body parsed when it is JSON
  headers: Headers;
}

export function slackSignature(secret: string, timestampSec: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestampSec}:${body}`).digest('hex')}`;
}

export async function sendSigned(
  target: BoltTarget, body: string, contentType: string, forge: Forgery = {},
): Promise<SignedResult> {
  const now = Math.floor(Date.now() / 1000);
  const ts = forge.timestamp ?? (forge.staleTimestamp ? now - 6 * 60 : now);
  const secret = forge.badSignature ? `${target.signingSecret}-forged` : target.signingSecret;
  const res = await fetch(target.url, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': slackSignature(secret, ts, body),
      'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
      ...forge.headers,
    },
    body,
  });
  const text = await res.text();
  let json: unknown;
  try { json = text ? JSON.parse(text) : undefined; } catch { json = undefined; }
  return { status: res.status, body: text, json, headers: res.headers };
}

const FORM = 'application/x-www-form-urlencoded';
const JSON_CT = 'application/json';

export function slashCommand(target: BoltTarget, input: SlashCommandInput, forge?: Forgery) {
  return sendSigned(target, new URLSearchParams(buildSlashCommand(input)).toString(), FORM, forge);
}

export interface EventDelivery extends EventCallbackInput {
  retryNum?: number; // Slack retries unacked events up to 3 times
  retryReason?: string; // e.g. 'http_timeout', 'http_error'
}

export function eventCallback(target: BoltTarget, input: EventDelivery, forge: Forgery = {}) {
  const { retryNum, retryReason, ...rest } = input;
  const headers: Record<string, string> = { ...forge.headers };
  if (retryNum !== undefined) headers['x-slack-retry-num'] = String(retryNum);
  if (retryReason !== undefined) headers['x-slack-retry-reason'] = retryReason;
  return sendSigned(target, JSON.stringify(buildEventCallback(rest)), JSON_CT, { ...forge, headers });
}

/** Send an already-built event_callback body (e.g. to redeliver the same event_id as a retry). */
export function rawEvent(target: BoltTarget, body: Record<string, unknown>, forge?: Forgery) {
  return sendSigned(target, JSON.stringify(body), JSON_CT, forge);
}

/** Interactivity payloads travel as a single form field `payload=<json>`. */
export function interactive(target: BoltTarget, payload: Record<string, unknown>, forge?: Forgery) {
  return sendSigned(target, new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), FORM, forge);
}

export const blockAction = (target: BoltTarget, input: BlockActionInput, forge?: Forgery) =>
  interactive(target, buildBlockAction(input), forge);

export const viewSubmission = (target: BoltTarget, input: ViewSubmissionInput, forge?: Forgery) =>
  interactive(target, buildViewSubmission(input), forge);

export function urlVerification(target: BoltTarget, challenge = 'fake-challenge', forge?: Forgery) {
  const body = { token: 'deprecated-verification-token', challenge, type: 'url_verification' };
  return sendSigned(target, JSON.stringify(body), JSON_CT, forge);
}

/** Bind a target once: `const slack = signedSender({url, signingSecret}); await slack.slashCommand({...})`. */
export function signedSender(target: BoltTarget) {
  return {
    target,
    slashCommand: (i: SlashCommandInput, f?: Forgery) => slashCommand(target, i, f),
    eventCallback: (i: EventDelivery, f?: Forgery) => eventCallback(target, i, f),
    rawEvent: (b: Record<string, unknown>, f?: Forgery) => rawEvent(target, b, f),
    blockAction: (i: BlockActionInput, f?: Forgery) => blockAction(target, i, f),
    viewSubmission: (i: ViewSubmissionInput, f?: Forgery) => viewSubmission(target, i, f),
    interactive: (p: Record<string, unknown>, f?: Forgery) => interactive(target, p, f),
    urlVerification: (c?: string, f?: Forgery) => urlVerification(target, c, f),
  };
}
