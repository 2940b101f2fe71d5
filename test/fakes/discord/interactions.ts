// Builders for INTERACTION_CREATE payloads. Fill every field Discord sends so that
// discord.js constructs the right interaction class without crashing.
import { nextSnowflake, type DiscordModel } from './model.ts';
import { randomBytes } from 'node:crypto';

type Json = Record<string, any>;

export interface InteractionContext { userId?: string; guildId?: string; channelId?: string; locale?: string }
/** Option values: type inferred from the registered command when known, else from the JS type. */
export type OptionValues = Record<string, string | number | boolean>;

export interface ChatInputSpec extends InteractionContext {
  name: string; subcommand?: string; group?: string; options?: OptionValues;
}
export interface AutocompleteSpec extends ChatInputSpec { focused: string }
export interface ComponentSpec extends InteractionContext {
  customId: string; messageId: string; componentType?: number; values?: string[];
}
export interface ModalSubmitSpec extends InteractionContext {
  customId: string; fields: Record<string, string>; messageId?: string;
  /** The submitted modal's layout (default: Label components, as plenary's modals use). */
  layout?: 'label' | 'action-row';
}

export function baseInteraction(model: DiscordModel, type: number, ctx: InteractionContext, extra: Json): Json {
  const channelId = ctx.channelId ?? firstTextChannel(model, ctx.guildId);
  const channel = model.channels.get(channelId);
  if (!channel) throw new Error(`fake-discord: unknown channel ${channelId}`);
  const guildId = (ctx.guildId ?? channel.guild_id) as string | undefined;
  const userId = ctx.userId ?? model.defaultUserId();
  const id = nextSnowflake();
  // Real tokens are long url-safe strings; no characters that need escaping in a path.
  const token = `aW50ZXJhY3Rpb246${Buffer.from(id).toString('base64url')}${randomBytes(48).toString('base64url')}`;
  return {
    id, application_id: model.opts.applicationId, type, token, version: 1,
    channel, channel_id: channelId,
    ...(guildId
      ? {
          guild_id: guildId, guild: { id: guildId, locale: 'en-US', features: [] }, guild_locale: 'en-US',
          member: model.member(guildId, userId, true), context: 0, authorizing_integration_owners: { '0': guildId },
          app_permissions: model.permissions(guildId, model.botUser.id),
        }
      : { user: model.mustUser(userId), context: 1, authorizing_integration_owners: { '1': userId }, app_permissions: '0' }),
    locale: ctx.locale ?? 'en-US', entitlements: [], attachment_size_limit: 10 * 1024 * 1024,
    ...extra,
  };
}

function firstTextChannel(model: DiscordModel, guildId?: string): string {
  for (const c of model.channels.values()) if (c.type === 0 && (!guildId || c.guild_id === guildId)) return c.id;
  throw new Error('fake-discord: no text channel configured');
}

function findCommand(model: DiscordModel, name: string, guildId?: string): Json | undefined {
  const guildList = guildId ? model.guildCommands.get(guildId) ?? [] : [];
  return [...guildList, ...model.globalCommands].find((c) => c.name === name && (c.type ?? 1) === 1);
}

function inferType(v: unknown): number {
  if (typeof v === 'boolean') return 5;
  if (typeof v === 'number') return Number.isInteger(v) ? 4 : 10;
  return 3;
}

/** Nested `data.options` for /name [group] [subcommand] opt:value..., marking the focused option. */
function commandData(model: DiscordModel, spec: ChatInputSpec, guildId?: string, focused?: string): Json {
  const registered = findCommand(model, spec.name, guildId);
  let defs: Json[] = registered?.options ?? [];
  const pick = (n: string) => defs.find((o) => o.name === n);
  const leafDefs = () => {
    if (spec.group) defs = pick(spec.group)?.options ?? [];
    if (spec.subcommand) defs = pick(spec.subcommand)?.options ?? [];
    return defs;
  };
  const leaf = leafDefs();
  let options: Json[] = Object.entries(spec.options ?? {}).map(([name, value]) => ({
    name, type: leaf.find((o) => o.name === name)?.type ?? inferType(value), value,
    ...(name === focused ? { focused: true } : {}),
  }));
  if (spec.subcommand) options = [{ name: spec.subcommand, type: 1, options }];
  if (spec.group) options = [{ name: spec.group, type: 2, options }];
  return {
    id: registered?.id ?? nextSnowflake(), name: spec.name, type: 1, options,
    ...(guildId && registered?.guild_id ? { guild_id: guildId } : {}),
  };
}

export function chatInputPayload(model: DiscordModel, spec: ChatInputSpec): Json {
  return withData(model, 2, spec, (g) => commandData(model, spec, g));
}

export function autocompletePayload(model: DiscordModel, spec: AutocompleteSpec): Json {
  return withData(model, 4, spec, (g) => commandData(model, spec, g, spec.focused));
}

export function componentPayload(model: DiscordModel, spec: ComponentSpec): Json {
  const p = withData(model, 3, spec, () => ({
    custom_id: spec.customId, component_type: spec.componentType ?? 2,
    ...(spec.values ? { values: spec.values } : {}),
  }));
  p.message = messageFor(model, spec.messageId, p.channel_id);
  return p;
}

export function modalSubmitPayload(model: DiscordModel, spec: ModalSubmitSpec): Json {
  const p = withData(model, 5, spec, () => ({
    custom_id: spec.customId,
    // Discord answers in the modal's own layout: Label components (type 18) or legacy action rows.
    components: Object.entries(spec.fields).map(([customId, value], i) => (spec.layout === 'action-row'
      ? { type: 1, id: 2 * i + 1, components: [{ type: 4, id: 2 * i + 2, custom_id: customId, value }] }
      : { type: 18, id: 2 * i + 1, component: { type: 4, id: 2 * i + 2, custom_id: customId, value } })),
  }));
  if (spec.messageId) p.message = messageFor(model, spec.messageId, p.channel_id);
  return p;
}

function withData(model: DiscordModel, type: number, ctx: InteractionContext, data: (guildId?: string) => Json): Json {
  const p = baseInteraction(model, type, ctx, {});
  p.data = data(p.guild_id);
  return p;
}

/** The clicked message as Discord embeds it: the stored one, or a minimal bot message. */
function messageFor(model: DiscordModel, messageId: string, channelId: string): Json {
  const stored = model.messages.get(messageId);
  if (stored) return structuredClone(stored);
  return {
    id: messageId, channel_id: channelId, type: 0, author: model.botUser, content: '', timestamp: new Date().toISOString(),
    edited_timestamp: null, tts: false, mention_everyone: false, mentions: [], mention_roles: [], attachments: [],
    embeds: [], components: [], pinned: false, flags: 0,
  };
}
