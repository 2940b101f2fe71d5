/** maskUrlPasswords: the one function every error and log line goes through to hide URL passwords. */
import { describe, expect, it } from 'vitest';
import { maskUrlPasswords } from '../../src/mask-url.ts';
import { createLogger } from '../../src/log.ts';
import { ConfigError, loadEnvironment } from '../../src/config.ts';

describe('maskUrlPasswords', () => {
  it('masks user:password@ as user:***@, keeps user-only and password-free URLs', () => {
    expect(maskUrlPasswords('redis://admin:hunter2@127.0.0.1:1/0')).toBe('redis://admin:***@127.0.0.1:1/0');
    expect(maskUrlPasswords('rediss://:hunter2@cache.internal:6380')).toBe('rediss://:***@cache.internal:6380');
    expect(maskUrlPasswords('at "redis://u:p@ss:w@rd@h:1" and (http://a:b@c/x)')).toBe('at "redis://u:***@h:1" and (http://a:***@c/x)');
    for (const kept of ['redis://justuser@host:6379', 'sqlite:///tmp/a@b.sqlite', 'sqlite://./data/plenary.sqlite', 'http://host/path?q=a:b@c', 'memory://']) {
      expect(maskUrlPasswords(kept)).toBe(kept);
    }
  });

  it('every log line is masked, whatever the level or where the URL is (message, error, stack)', () => {
    const lines: string[] = [];
    const log = createLogger('debug', (line) => lines.push(line));
    log('error', 'cannot reach redis://admin:hunter2@10.0.0.5:6379', new Error('connect to redis://admin:hunter2@10.0.0.5:6379 failed'));
    log('debug', 'opening', { url: 'redis://admin:hunter2@10.0.0.5:6379' });
    expect(lines).toHaveLength(2);
    expect(lines.join('\n')).not.toContain('hunter2');
    expect(lines.join('\n')).toContain('redis://admin:***@10.0.0.5:6379');
  });

  it('configuration problems quoting a URL carry no password', () => {
    let error: unknown;
    try {
      loadEnvironment({ PLENARY_STORE: 'ftp://admin:hunter2@files.example' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message + (error as ConfigError).problems.join()).not.toContain('hunter2');
    expect((error as ConfigError).problems.join()).toContain('ftp://admin:***@files.example');
  });
});
