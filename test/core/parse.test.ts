import { describe, expect, it } from 'vitest';
import { parseOptions, checkLine } from '../../commands/parse.ts';
import { resolveCommand } from '../../commands/execute.ts';
import { findCommand } from '../../commands/registry.ts';
import { isRefusal, Refusal } from '../../src/errors.ts';

/** The refusal `run` throws, as identifier and parameters (tests assert these, not sentences). */
function refusalOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (isRefusal(error)) return { id: error.id, params: error.params };
    throw error;
  }
  throw new Error('no refusal');
}
const refusalId = (run: () => unknown) => refusalOf(run).id;
import { defineCommand, type Command } from '../../commands/command.ts';
import { flag, text } from '../../commands/options.ts';
import { commands } from '../../commands/registry.ts';
import { LIMITS } from '../../src/text-rules.ts';
import { commandDefinitions } from '../../adapters/discord/commands.ts';
import type { PlenaryConfig } from '../../src/config.ts';

const command = (name: string) => findCommand(name) as Command;

describe('command line parser', () => {
  it('fills positionals in order; the last takes the rest of the line with its spacing', () => {
    expect(parseOptions(command('react'), ' P3 support  Great,  idea')).toEqual({ code: 'P3', stance: 'support', comment: 'Great,  idea' });
  });
  it('reads key:value and key:"several words" anywhere', () => {
    expect(parseOptions(command('speaker add'), 'org:"Internet Corporation" icann Göran Marby group:technical-community')).toEqual({
      handle: 'icann', name: 'Göran Marby', org: 'Internet Corporation', group: 'technical-community',
    });
    expect(parseOptions(command('session start'), 'Cyber peace theme:"Cooperation in cyberspace" now')).toEqual({
      title: 'Cyber peace now', theme: 'Cooperation in cyberspace',
    });
  });
  it('keeps key:value text when key is not an option of the command (URLs stay text)', () => {
    expect(parseOptions(command('priority add'), 'icann See https://icann.org and note:this')).toEqual({
      handle: 'icann', text: 'See https://icann.org and note:this',
    });
  });
  it('reads the bare word post as the flag', () => {
    expect(parseOptions(command('summary'), 'post')).toEqual({ post: true });
    expect(parseOptions(command('digest'), 'date:2026-11-28 post format:json')).toEqual({ date: '2026-11-28', post: true, format: 'json' });
  });
  it('a whole quoted rest of line loses its quotes', () => {
    expect(parseOptions(command('session start'), '"Session III: cooperation"')).toEqual({ title: 'Session III: cooperation' });
  });
  it('refuses unbalanced quotes, repeated options, stray words and control characters', () => {
    expect(() => parseOptions(command('session start'), 'Title theme:"open')).toThrow(Refusal);
    expect(refusalId(() => parseOptions(command('digest'), 'format:md format:csv'))).toBe('refusal.option.twice');
    expect(refusalId(() => parseOptions(command('forgetme'), 'please'))).toBe('refusal.option.unexpected');
    expect(refusalId(() => checkLine('a\u0007b'))).toBe('refusal.line.control');
  });
  it('resolves commands and subcommands case-insensitively', () => {
    expect(resolveCommand('/SESSION Start My title').command.name).toBe('session start');
    expect(resolveCommand('/react P1 yes').command.name).toBe('react');
    expect(refusalOf(() => resolveCommand('/session launch'))).toMatchObject({ id: 'refusal.command.unknown-subcommand', params: { group: 'session', raw: 'launch', names: expect.stringMatching(/^start\|join\|status\|close/) } });
    expect(refusalOf(() => resolveCommand('/vote P1'))).toMatchObject({ id: 'refusal.command.unknown', params: { raw: 'vote' } });
  });
});

describe('options declared once', () => {
  const probe = defineCommand({
    name: 'probe run',
    description: 'A probe',
    role: 'participant',
    options: {
      code: text('Proposal code', { label: 'Proposal code', positional: true, required: true, limit: 'code' }),
      note: text('A note', { positional: true, words: true, limit: 'comment' }),
      theme: text('A theme', { words: true, limit: 'theme' }),
      post: flag('Post it'),
    },
    handler: async () => ({ reply: { kind: 'notice', text: 'ok' } }),
  });

  it('one declaration gives the usage line, the specs with their limits and stable keys, and the zod rules', () => {
    expect(probe.usage).toBe('<code> [note…] [theme:"…"] [post]');
    expect(probe.options.map((o) => [o.key, o.maxLength])).toEqual([
      ['command.probe-run.code', LIMITS.code], ['command.probe-run.note', LIMITS.comment], ['command.probe-run.theme', LIMITS.theme], ['command.probe-run.post', undefined],
    ]);
    expect(Object.keys(probe.schema.shape)).toEqual(['code', 'note', 'theme', 'post']);
    expect(probe.schema.parse({ code: ' P3 ', post: 'post' })).toEqual({ code: 'P3', post: true });
    expect(probe.schema.safeParse({}).error?.issues[0].message).toBe('refusal.option.missing|Proposal code');
    expect(parseOptions(probe, 'P3 a long  note theme:"x y" post')).toEqual({ code: 'P3', note: 'a long  note', theme: 'x y', post: true });
  });

  it('every registry command validates exactly the options it declares, with unique keys', () => {
    for (const c of commands) expect(Object.keys(c.schema.shape)).toEqual(c.options.map((o) => o.name));
    const keys = commands.flatMap((c) => [c.key, ...c.options.map((o) => o.key)]);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('hands Discord the translations of a description by its key', () => {
    const config = { stakeholderGroups: ['government'] } as unknown as PlenaryConfig;
    const french = (key: string) => (key === 'command.react' || key === 'command.react.code' ? { fr: `fr:${key}` } : undefined);
    const react = commandDefinitions(config, french).find((d) => d.name === 'react');
    expect(react?.description_localizations).toEqual({ fr: 'fr:command.react' });
    expect(react?.options?.find((o) => o.name === 'code')?.description_localizations).toEqual({ fr: 'fr:command.react.code' });
    expect(react?.options?.find((o) => o.name === 'stance')).not.toHaveProperty('description_localizations');
  });
});
