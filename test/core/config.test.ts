import { describe, expect, it } from 'vitest';
import { ConfigError, loadEnvironment, parseConfig } from '../../src/config.ts';

const problemsOf = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('configuration', () => {
  it('defaults: conference Plenary, UTC, console:you organiser, six groups, limit 3', () => {
    const config = parseConfig({});
    expect(config.conference).toEqual({ name: 'Plenary', timezone: 'UTC', language: 'en' });
    expect(config.roles.organisers).toEqual(['console:you']);
    expect(config.stakeholderGroups).toHaveLength(6);
    expect(config.priorityLimit).toBe(3);
  });
  it('reports one clear message per wrong key', () => {
    const problems = problemsOf(() =>
      parseConfig({
        conference: { name: 'X', timezone: 'Mars/Olympus' },
        priorityLimit: 11,
        roles: { organisers: ['alice'], moderators: ['discord-role:77', 'slack:U1'] },
        colour: 'blue',
      }),
    );
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(/conference\.timezone: must be an IANA time zone/);
    expect(problems.join('\n')).toMatch(/priorityLimit: must be 1\.\.10/);
    expect(problems.join('\n')).toMatch(/roles\.organisers\[0\]: must look like platform:id/);
    expect(problems.join('\n')).toMatch(/unknown key "colour"/);
  });
  it('checks environment variables together', () => {
    const problems = problemsOf(() => loadEnvironment({ PLENARY_STORE: 'postgres://x', SLACK_BOT_TOKEN: 'xoxb-1', PORT: 'eighty' }));
    expect(problems).toHaveLength(3);
    expect(loadEnvironment({}).store).toBe('sqlite://./data/plenary.sqlite');
    expect(loadEnvironment({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).slack?.appToken).toBe('xapp-1');
  });
});

describe('configuration errors a person can act on', () => {
  it('echo the bad value, suggest the nearest key, and mask secrets', async () => {
    const { ConfigError: Err, parseConfig: parse, nearest } = await import('../../src/config.ts');
    let problems: string[] = [];
    try {
      parse({ conference: { name: 'X', timezone: 'Mars/Olympus' }, roles: { organizers: ['console:a'] }, priorityLimit: 11, stakeholderGroup: [] });
    } catch (e) {
      if (e instanceof Err) problems = e.problems;
    }
    expect(problems).toContain('plenary.config.json: conference.timezone: must be an IANA time zone such as Asia/Shanghai or UTC (got "Mars/Olympus")');
    expect(problems).toContain('plenary.config.json: unknown key "roles.organizers" (did you mean "roles.organisers"?)');
    expect(problems).toContain('plenary.config.json: unknown key "stakeholderGroup" (did you mean "stakeholderGroups"?)');
    expect(problems).toContain('plenary.config.json: priorityLimit: must be 1..10 (got 11)');
    expect(nearest('colour', ['conference', 'roles'])).toBeUndefined();
  });
  it('the scheduled digest is checked: a time of day and channels', () => {
    expect(parseConfig({ digest: { at: '18:00', channels: ['slack:C1'] } }).digest).toEqual({ at: '18:00', channels: ['slack:C1'] });
    expect(parseConfig({ digest: { at: '18:00:30', channels: ['slack:C1'] } }).digest?.at).toBe('18:00:30');
    expect(problemsOf(() => parseConfig({ digest: { at: '18:00:60', channels: ['slack:C1'] } }))).toEqual(['plenary.config.json: digest.at: must be a time of day like 18:00 (got "18:00:60")']);
    expect(problemsOf(() => parseConfig({ digest: { at: '6pm', channels: [] } }))).toEqual([
      'plenary.config.json: digest.at: must be a time of day like 18:00 (got "6pm")',
      'plenary.config.json: digest.channels: must list at least one channel (got [])',
    ]);
  });
});
