// The application command JSON is generated from the registry; these tests fail when the two drift.
import { describe, expect, it } from 'vitest';
import { ApplicationCommandOptionType as T, PermissionFlagsBits } from 'discord.js';
import { commandDefinitions, commandFor, optionValues } from '../../adapters/discord/commands.ts';
import { commands, topLevel } from '../../commands/registry.ts';
import { parseConfig } from '../../src/config.ts';

const config = parseConfig({ stakeholderGroups: ['government', 'civil-society', 'academia'] });
const defs = commandDefinitions(config);
const NAME = /^[-_\p{L}\p{N}]{1,32}$/u;

/** The Discord definition of a registry command: its options, wherever they sit. */
function leafOf(name: string) {
  const [top, sub] = name.split(' ');
  const def = defs.find((d) => d.name === top);
  if (!def) return undefined;
  if (!sub) return def;
  return def.options?.find((o) => o.name === sub && o.type === T.Subcommand) as { options?: any[] } | undefined;
}

describe('Discord application commands', () => {
  it('has one command per top-level name, in registry order', () => {
    expect(defs.map((d) => d.name)).toEqual(['session', 'speaker', 'priority', 'menu', 'react', 'iam', 'lang', 'forgetme', 'summary', 'digest', 'screen', 'help']);
    expect(defs.map((d) => d.name)).toEqual(topLevel().map((g) => g.name));
  });

  it('represents every registry command with exactly its options, types and limits', () => {
    for (const command of commands) {
      const leaf = leafOf(command.name);
      expect(leaf, command.name).toBeDefined();
      const options = (leaf!.options ?? []) as any[];
      expect(options.map((o) => o.name).sort(), command.name).toEqual(command.options.map((o) => o.name).sort());
      for (const spec of command.options) {
        const o = options.find((x) => x.name === spec.name);
        expect(o.type, `${command.name} ${spec.name}`).toBe(spec.type === 'flag' ? T.Boolean : T.String);
        expect(o.required).toBe(Boolean(spec.required));
        if (spec.maxLength && !spec.choices) expect(o.max_length).toBe(spec.maxLength);
        expect(Boolean(o.autocomplete)).toBe(Boolean(spec.autocomplete));
        if (spec.choices) expect(o.choices?.length).toBeGreaterThan(0);
      }
    }
  });

  it('has nothing the registry does not know (no stale commands or options)', () => {
    for (const def of defs) {
      const subs = (def.options ?? []).filter((o) => o.type === T.Subcommand);
      const leaves = subs.length ? subs.map((s) => [`${def.name} ${s.name}`, (s as any).options ?? []] as const) : [[def.name, def.options ?? []] as const];
      for (const [name, options] of leaves) {
        const command = commandFor(...(name.split(' ') as [string, string]));
        expect(command, name).toBeDefined();
        for (const o of options as any[]) expect(command!.options.map((s) => s.name), name).toContain(o.name);
      }
    }
  });

  it('follows Discord rules: names, description lengths, required first, no choices with autocomplete', () => {
    const walk = (options: any[] = []) => {
      let seenOptional = false;
      for (const o of options) {
        expect(o.name).toMatch(NAME);
        expect(o.name).toBe(o.name.toLowerCase());
        expect(o.description.length).toBeGreaterThan(0);
        expect(o.description.length).toBeLessThanOrEqual(100);
        if (o.type === T.Subcommand) { walk(o.options); continue; }
        if (!o.required) seenOptional = true;
        else expect(seenOptional, `${o.name} is required after an optional option`).toBe(false);
        expect(Boolean(o.autocomplete && o.choices)).toBe(false);
        expect((o.choices ?? []).length).toBeLessThanOrEqual(25);
      }
    };
    for (const def of defs) {
      expect(def.name).toMatch(NAME);
      expect(def.description.length).toBeLessThanOrEqual(100);
      expect(def.contexts).toEqual([0]);
      walk(def.options as any[]);
    }
  });

  it('offers the stance, group and format choices', () => {
    const choices = (name: string, option: string) => (leafOf(name)!.options as any[]).find((o) => o.name === option).choices.map((c: any) => c.value);
    expect(choices('react', 'stance')).toEqual(['support', 'neutral', 'oppose', 'clear']);
    expect(choices('iam', 'group')).toEqual(['government', 'civil-society', 'academia']);
    expect(choices('speaker add', 'group')).toEqual(['government', 'civil-society', 'academia']);
    expect(choices('digest', 'format')).toEqual(['md', 'json', 'csv']);
    const many = parseConfig({ stakeholderGroups: Array.from({ length: 30 }, (_, i) => `g${i}`) });
    const iam = commandDefinitions(many).find((d) => d.name === 'iam')!.options![0] as any;
    expect(iam.choices).toBeUndefined(); // > 25 groups: free text, checked by the core
  });

  it('restricts by default only the commands whose every subcommand needs the role', () => {
    const perms = Object.fromEntries(defs.map((d) => [d.name, d.default_member_permissions]));
    expect(perms).toEqual({
      session: null, speaker: null, priority: PermissionFlagsBits.ManageEvents.toString(), menu: null, react: null,
      iam: null, lang: null, forgetme: null, summary: null, digest: PermissionFlagsBits.ManageGuild.toString(),
      screen: PermissionFlagsBits.ManageEvents.toString(), help: null,
    });
  });

  it('reads typed options back into the raw record execute() takes', () => {
    const digest = commandFor('digest', null)!;
    const read = { getString: (n: string) => (n === 'format' ? 'json' : null), getBoolean: (n: string) => (n === 'post' ? true : null) };
    expect(optionValues(digest, read)).toEqual({ format: 'json', post: true });
    expect(commandFor('session', 'start')!.name).toBe('session start');
    expect(commandFor('session', 'nope')).toBeUndefined();
  });
});
