import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderManifest } from '../../adapters/slack/manifest.ts';
import { topLevel } from '../../commands/registry.ts';

describe('Slack manifest', () => {
  it('manifest.json is the Socket Mode rendition of the current registry (regenerate with `plenary manifest > manifest.json`)', () => {
    const committed = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(renderManifest());
  });

  it('lists every top-level command, with hints built from the subcommands’ usages', () => {
    const m = renderManifest() as { features: { slash_commands: Array<{ command: string; description: string; usage_hint?: string }> } };
    const names = m.features.slash_commands.map((c) => c.command);
    expect(names).toEqual(['/session', '/speaker', '/priority', '/menu', '/react', '/iam', '/lang', '/forgetme', '/summary', '/digest', '/screen', '/help']);
    expect(names).toEqual(topLevel().map((g) => `/${g.name}`));
    const session = m.features.slash_commands[0];
    expect(session.usage_hint).toContain('start <title…>');
    expect(session.usage_hint).toContain('join <id>');
    for (const c of m.features.slash_commands) expect(c.description.length).toBeGreaterThan(0);
  });

  it('Socket Mode without a URL; request URLs and no Socket Mode with one', () => {
    const socket = renderManifest() as any;
    expect(socket.settings.socket_mode_enabled).toBe(true);
    expect(socket.settings.event_subscriptions.bot_events).toEqual(['reaction_added', 'reaction_removed']);
    expect(socket.settings.interactivity.is_enabled).toBe(true);
    expect(JSON.stringify(socket)).not.toContain('request_url');
    expect(socket.oauth_config.scopes.bot).toEqual(['commands', 'chat:write', 'reactions:read', 'files:write', 'files:read', 'users:read', 'channels:history', 'groups:history']);

    const http = renderManifest({ url: 'https://panel.example.org/' }) as any;
    expect(http.settings.socket_mode_enabled).toBe(false);
    expect(http.settings.event_subscriptions.request_url).toBe('https://panel.example.org/slack/events');
    expect(http.settings.interactivity.request_url).toBe('https://panel.example.org/slack/events');
    for (const c of http.features.slash_commands) expect(c.url).toBe('https://panel.example.org/slack/events');
  });
});
