/**
 * Masks the password of every URL in a text: `redis://admin:hunter2@host` → `redis://admin:***@host`,
 * `redis://:hunter2@host` → `redis://:***@host`. Used wherever a URL can reach a log line or an error
 * (store URLs, API URLs, config problems), so an operator sees which URL failed but never its secret.
 * The password runs to the last `@` before the host: passwords may hold `@`, `:` or `/` unencoded.
 */
const CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s:@/]*):(\S*)@(?=[^\s@]*(?:\s|$))/gi;

export function maskUrlPasswords(text: string): string {
  return text.replace(CREDENTIALS, (_all, scheme: string, user: string) => `${scheme}${user}:***@`);
}
