/**
 * Slack's users.info and users.list with include_locale: how plenary learns a caller's Slack language.
 * A plain keep-alive HTTP POST with the client's token and API URL: the WebClient's queue, retries and fetch
 * layers cost more CPU than the whole /react work (BENCHMARKS.md, profile), and a locale that does not come
 * quickly is given up on anyway (the conference language answers). Slack's error answer (no users:read, no
 * such user) means "no locale", remembered like an answer; a transient failure (a 429, a 5xx, a network
 * fault) is left unanswered, so the look-up times out and is asked again next time instead of being
 * remembered for an hour (src/languages.ts PlatformLocales).
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

const agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };

export interface LocaleClient {
  token?: string;
  slackApiUrl: string;
}

/** What a Web API call came back with: Slack's JSON answer, or an HTTP status it refused with (429 → retryAfterS). */
export type WebAnswer = { answer: Record<string, unknown> } | { status: number; retryAfterS?: number } | { failed: true };

export function slackPost(client: LocaleClient, method: string, params: Record<string, string>): Promise<WebAnswer> {
  const url = new URL(method, client.slackApiUrl.replace(/\/*$/, '/'));
  const body = new URLSearchParams(params).toString();
  const secure = url.protocol === 'https:';
  return new Promise<WebAnswer>((resolve) => {
    const req = (secure ? httpsRequest : httpRequest)(
      url,
      {
        method: 'POST',
        agent: secure ? agents.https : agents.http,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
          ...(client.token ? { authorization: `Bearer ${client.token}` } : {}),
        },
      },
      (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', () => resolve({ failed: true }));
        res.on('end', () => {
          if (res.statusCode !== 200) {
            const retryAfterS = Number(res.headers['retry-after']);
            return resolve({ status: res.statusCode ?? 0, ...(Number.isFinite(retryAfterS) ? { retryAfterS } : {}) });
          }
          try {
            resolve({ answer: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown> });
          } catch {
            resolve({ failed: true });
          }
        });
      },
    );
    req.setTimeout(10_000, () => req.destroy());
    req.on('error', () => resolve({ failed: true }));
    req.end(body);
  });
}

/** Resolving with this promise adopts it: the answer never comes. */
const UNANSWERED = new Promise<never>(() => {});

export async function slackUserLocale(client: LocaleClient, user: string): Promise<string | undefined> {
  const reply = await slackPost(client, 'users.info', { user, include_locale: 'true' });
  if (!('answer' in reply)) return UNANSWERED;
  const answer = reply.answer as { ok?: boolean; user?: { locale?: unknown } };
  return answer.ok && typeof answer.user?.locale === 'string' ? answer.user.locale : undefined;
}
