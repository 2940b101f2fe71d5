import { describe, expect, it } from 'vitest';
import { parseOptions, checkLine } from '../../commands/parse.ts';
import { resolveCommand } from '../../commands/execute.ts';
import { findCommand } from '../../commands/registry.ts';
import { Refusal } from '../../src/errors.ts';
import type { Command } from '../../commands/command.ts';

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
    expect(() => parseOptions(command('digest'), 'format:md format:csv')).toThrow(/given twice/);
    expect(() => parseOptions(command('forgetme'), 'please')).toThrow(/Unexpected/);
    expect(() => checkLine('a\u0007b')).toThrow(/control characters/);
  });
  it('resolves commands and subcommands case-insensitively', () => {
    expect(resolveCommand('/SESSION Start My title').command.name).toBe('session start');
    expect(resolveCommand('/react P1 yes').command.name).toBe('react');
    expect(() => resolveCommand('/session launch')).toThrow(/use \/session start\|join\|status\|close/);
    expect(() => resolveCommand('/vote P1')).toThrow(/Unknown command/);
  });
});
