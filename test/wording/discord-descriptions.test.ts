import { describe, expect, it } from 'vitest';
import { commandDefinitions } from '../../adapters/discord/commands.ts';
import { commands } from '../../commands/registry.ts';
import { parseConfig } from '../../src/config.ts';
import { english, type MessageId } from '../../src/wording/catalogues.ts';
import { say, LOCALES } from '../../src/wording/say.ts';
import { discordDescriptions } from '../../src/wording/discord-locales.ts';

const defs = commandDefinitions(parseConfig({}), discordDescriptions);
const DISCORD_TAGS = ['es-ES', 'es-419', 'fr', 'ru', 'zh-CN', 'zh-TW'];

describe('Discord command descriptions in the six languages', () => {
  it('every command and subcommand carries description_localizations, 1–100 characters, not English', () => {
    // Top-level groups (session, speaker, priority) describe their subcommands; each subcommand is localised.
    const described = defs.flatMap((d) => (d.options ?? []).some((o) => o.type === 1) ? ((d.options ?? []).filter((o) => o.type === 1) as unknown as typeof defs) : [d]);
    expect(described.length).toBeGreaterThan(defs.length);
    for (const d of described) {
      const localized = d.description_localizations ?? {};
      expect({ name: d.name, tags: Object.keys(localized).sort() }).toEqual({ name: d.name, tags: [...DISCORD_TAGS].sort() });
      for (const [tag, text] of Object.entries(localized)) {
        expect(text!.length, `${d.name} ${tag}`).toBeGreaterThan(0);
        expect(text!.length, `${d.name} ${tag}`).toBeLessThanOrEqual(100);
        expect(text, `${d.name} ${tag}`).not.toBe(d.description);
      }
    }
  });

  it('has no Arabic entry (Discord has no Arabic locale and refuses unknown ones)', () => {
    for (const d of defs) expect(Object.keys(d.description_localizations ?? {})).not.toContain('ar');
  });

  it('the catalogue’s English is each command’s registry description', () => {
    for (const command of commands) {
      const id = command.key as keyof typeof english;
      expect({ id, text: english[id]?.replace(/’/g, "'") }).toEqual({ id, text: command.description.replace(/’/g, "'") });
    }
  });

  it('every option, and each group command (session, speaker, priority), carries description_localizations too', () => {
    const groups = defs.filter((d) => (d.options ?? []).some((o) => o.type === 1));
    expect(groups.map((g) => g.name).sort()).toEqual(['priority', 'session', 'speaker']);
    const options = defs.flatMap((d) => (d.options ?? []).flatMap((o: any) => (o.type === 1 ? o.options ?? [] : [o])));
    expect(options.length).toBeGreaterThan(30);
    for (const d of [...groups, ...options] as { name: string; description: string; description_localizations?: Record<string, string> }[]) {
      const localized = d.description_localizations ?? {};
      expect({ name: d.name, tags: Object.keys(localized).sort() }).toEqual({ name: d.name, tags: [...DISCORD_TAGS].sort() });
      for (const [tag, text] of Object.entries(localized)) {
        expect(text.length, `${d.name} ${tag}`).toBeGreaterThan(0);
        expect(text.length, `${d.name} ${tag}`).toBeLessThanOrEqual(100);
        expect(text, `${d.name} ${tag}`).not.toBe(d.description);
      }
    }
  });

  it('each option’s catalogue English is its declared description, and fits Discord’s 100 characters unclipped in every language', () => {
    for (const command of commands) {
      for (const option of command.options) {
        const id = option.key as MessageId;
        expect({ id, text: english[id]?.replace(/’/g, "'") }).toEqual({ id, text: option.description.replace(/’/g, "'") });
        for (const locale of LOCALES) {
          const text = say(id, {}, locale);
          expect(text.length, `${id} ${locale}`).toBeGreaterThan(0);
          expect(text.length, `${id} ${locale}`).toBeLessThanOrEqual(100);
        }
      }
    }
  });
});
