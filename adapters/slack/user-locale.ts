/**
 * Slack's users.info with include_locale, asked once per new user on the ack path of every command
 * (src/languages.ts caches the answer). A plain keep-alive HTTP POST with the request's own client's token
 * and API URL: the WebClient's queue, retries and fetch layers cost more CPU than the whole /react work
 * (BENCHMARKS.md, profile), and a locale that does not come quickly is given up on anyway (the conference
 * language answers). Slack's error answer (no users:read, no such user) means "no locale", remembered like an
 * answer; a transient failure (a 429, a 5xx, a network fault) is left unanswered, so the look-up times out and
 * is asked again next time instead of being remembered for an hour (src/languages.ts PlatformLocales).
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

const agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };

export interface LocaleClient {
  token?: string;
  slackApiUrl: string;
}

/** Resolving with this promise adopts it: the answer never comes. */
const UNANSWERED = new Promise<never>(() => {});

export function slackUserLocale(client: LocaleClient, user: string): Promise<string | undefined> {
  const url = new URL('users.info', client.slackApiUrl.replace(/\/*$/, '/'));
  const body = new URLSearchParams({ user, include_locale: 'true' }).toString();
  const secure = url.protocol === 'https:';
  return new Promise<string | undefined>((resolve) => {
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
        res.on('error', () => resolve(UNANSWERED));
        res.on('end', () => {
          if (res.statusCode !== 200) return resolve(UNANSWERED);
          try {
            const answer = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { ok?: boolean; user?: { locale?: unknown } };
            resolve(answer.ok && typeof answer.user?.locale === 'string' ? answer.user.locale : undefined);
          } catch {
            resolve(UNANSWERED);
          }
        });
      },
    );
    req.setTimeout(10_000, () => req.destroy());
    req.on('error', () => resolve(UNANSWERED));
    req.end(body);
  });
}
