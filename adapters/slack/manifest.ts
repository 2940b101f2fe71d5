/**
 * The Slack app manifest, generated from the command registry so the slash commands Slack knows
 * always match what the bot parses. `manifest.json` at the repo root is the Socket Mode rendition
 * (`plenary manifest`); `plenary manifest --url https://host` gives the HTTP one.
 */
import { topLevel } from '../../commands/registry.ts';

/**
 * Bot scopes, the minimum that serves:
 * - commands: the slash commands;
 * - chat:write: post proposals/summaries, chat.update live counts, chat.postEphemeral confirmations;
 * - reactions:read: required to receive reaction_added / reaction_removed (emoji stances);
 * - files:write: `/digest format:… post` and a post too long for its blocks upload their file
 *   (files.getUploadURLExternal, files.completeUploadExternal);
 * - files:read: after a crash mid-share, files.info tells whether Slack already shared the recorded upload,
 *   so the file is not shared twice;
 * - users:read: users.list and users.info with include_locale, so a private reply is in the caller's Slack language;
 * - channels:history, groups:history: after a crash mid-post, conversations.history finds a message that
 *   reached Slack before the crash (by its metadata), so it is not posted twice (public and private channels).
 * Not needed: chat:write.public (the bot must be a channel member anyway to receive reaction events on
 * its messages, so moderators invite it), im:write (private digest files are shown inline).
 */
export const BOT_SCOPES = ['commands', 'chat:write', 'reactions:read', 'files:write', 'files:read', 'users:read', 'channels:history', 'groups:history'] as const;
export const BOT_EVENTS = ['reaction_added', 'reaction_removed'] as const;

const DESCRIPTION_MAX = 100; // keep within what Slack accepts for a slash command description
const HINT_MAX = 1000;

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

export interface SlashCommandEntry {
  command: string;
  description: string;
  usage_hint?: string;
  should_escape: boolean;
  url?: string;
}

/** One entry per top-level command; a group's description lists its subcommands, its hint their usages. */
export function slashCommands(url?: string): SlashCommandEntry[] {
  return topLevel().map((group) => {
    const single = group.command;
    const description = single
      ? single.description
      : `${group.name[0].toUpperCase()}${group.name.slice(1)}: ${group.subcommands.map((c) => c.name.split(' ')[1]).join(', ')}`;
    const usage = single
      ? single.usage
      : group.subcommands.map((c) => `${c.name.split(' ')[1]}${c.usage ? ` ${c.usage}` : ''}`).join(' | ');
    return {
      command: `/${group.name}`,
      description: clip(description, DESCRIPTION_MAX),
      ...(usage ? { usage_hint: clip(usage, HINT_MAX) } : {}), // Slack wants no empty hint
      // false: Slack still escapes & < > (we decode them); user/channel mentions stay as typed text.
      should_escape: false,
      ...(url ? { url } : {}),
    };
  });
}

export function renderManifest({ url }: { url?: string } = {}): Record<string, unknown> {
  const endpoint = url ? `${url.replace(/\/+$/, '')}/slack/events` : undefined;
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name: 'plenary',
      description: 'Moderated conference panels: priorities, live audience reactions, summaries and digests.',
      background_color: '#1d3557',
    },
    features: {
      bot_user: { display_name: 'plenary', always_online: true },
      slash_commands: slashCommands(endpoint),
    },
    oauth_config: { scopes: { bot: [...BOT_SCOPES] } },
    settings: {
      event_subscriptions: { ...(endpoint ? { request_url: endpoint } : {}), bot_events: [...BOT_EVENTS] },
      interactivity: { is_enabled: true, ...(endpoint ? { request_url: endpoint } : {}) },
      org_deploy_enabled: false,
      socket_mode_enabled: !endpoint,
      token_rotation_enabled: false,
    },
  };
}
