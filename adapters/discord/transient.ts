/**
 * Retrying what Discord fails transiently. discord.js's REST client retries a 5xx or a timed-out request
 * only 3 times, back to back, so a few seconds of Discord trouble would drop a post or a count update.
 * Here a transient failure (5xx after the library's own retries, a timeout, a reset connection) is tried
 * again with backoff; a 4xx (missing access, unknown message…) is final. 429s never get here: the
 * library waits them out itself.
 */
import { DiscordAPIError, HTTPError } from 'discord.js';

export function isTransient(error: unknown): boolean {
  if (error instanceof DiscordAPIError) return error.status >= 500 || error.status === 429;
  if (error instanceof HTTPError) return true;
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return error.name === 'AbortError' || error.name === 'TimeoutError' || /ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|socket hang up|fetch failed/i.test(`${String(code ?? '')} ${error.message}`);
}

/** Backoff before attempt k (1-based) of a transient retry: 0.5 s, 1 s, 2 s … capped at 15 s (tests: a shorter first). */
export const backoffMs = (attempt: number, firstMs = 500) => Math.min(15_000, firstMs * 2 ** (attempt - 1));

/** Runs `work` until it succeeds, fails for good, or `attempts` transient failures in a row. */
export async function withRetry<T>(work: () => Promise<T>, onRetry: (error: unknown, attempt: number) => void, attempts = 6, firstBackoffMs?: number): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isTransient(error)) throw error;
      onRetry(error, attempt);
      await new Promise((resolve) => setTimeout(resolve, backoffMs(attempt, firstBackoffMs)));
    }
  }
}
