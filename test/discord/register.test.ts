// `plenary discord register`: a bulk overwrite (PUT) of global or guild commands, through its own REST client.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord/fake-discord.ts';
import { registerCommands, restBase } from '../../adapters/discord/register.ts';
import { commandDefinitions } from '../../adapters/discord/commands.ts';
import { defaultConfig } from '../../src/config.ts';
import { APP, BOT, GUILD, MAIN, TOKEN } from './helpers.ts';

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await startFakeDiscord({ applicationId: APP, botUserId: BOT, token: TOKEN, guilds: [{ id: GUILD, name: 'g', channels: [{ id: MAIN, name: 'main' }] }] });
});
afterAll(async () => {
  await fake?.close();
});

describe('registerCommands', () => {
  it('overwrites the global commands, then the guild ones, keeping ids on re-registration', async () => {
    const discord = { token: TOKEN, applicationId: APP, apiUrl: fake.restApi };
    const count = commandDefinitions(defaultConfig()).length;
    expect(await registerCommands(discord, defaultConfig())).toBe(count);
    expect(fake.commands().map((c) => c.name)).toContain('priority');
    const ids = fake.commands().map((c) => c.id);
    expect(await registerCommands(discord, defaultConfig())).toBe(count);
    expect(fake.commands().map((c) => c.id)).toEqual(ids);
    expect(await registerCommands(discord, defaultConfig(), GUILD)).toBe(count);
    expect(fake.commands(GUILD)).toHaveLength(count);
    const puts = fake.callsTo('PUT', /commands$/);
    expect(puts.map((c) => c.path)).toEqual([`/applications/${APP}/commands`, `/applications/${APP}/commands`, `/applications/${APP}/guilds/${GUILD}/commands`]);
    expect(puts[0].headers.authorization).toBe(`Bot ${TOKEN}`);
  });

  it('accepts DISCORD_API_URL with or without a version', () => {
    expect(restBase('https://discord.com/api')).toBe('https://discord.com/api');
    expect(restBase('https://proxy.example/api/v10/')).toBe('https://proxy.example/api');
    expect(restBase(undefined)).toBeUndefined();
  });
});
