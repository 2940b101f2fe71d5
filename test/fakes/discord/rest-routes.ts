// The REST endpoints the fake implements, with Discord's error codes for the
// mistakes a bot adapter can realistically make (late/double acks, unknown ids...).
import type { FakeRest, RouteRequest } from './fake-rest.ts';
import { nextSnowflake, type DiscordModel, type InteractionRecord } from './model.ts';
import { ApiError, applyEdit, asApiError, buildMessage, parseEmoji, tallyReaction } from './messages.ts';
import { checkAutocompleteLimits, checkCommandLimits, checkModalLimits } from './limits.ts';

const limited = (check: () => void) => {
  try {
    check();
  } catch (error) {
    throw asApiError(error);
  }
};

type Json = Record<string, any>;
export type Dispatch = (t: string, d: Json, intent?: number) => void;

const INTENT_GUILD_MESSAGES = 1 << 9;
const INTENT_GUILD_REACTIONS = 1 << 10;
const WEBHOOK_TOKEN_TTL_MS = 15 * 60_000;
/** How long Discord remembers an enforced nonce ("the past few minutes"); the fake takes the short end. */
const NONCE_WINDOW_MS = 2 * 60_000;

export function registerRoutes(rest: FakeRest, model: DiscordModel, dispatch: Dispatch, gatewayUrl: () => string): void {
  const app = model.opts.applicationId;
  const ok = (body?: unknown, status?: number) => ({ body, status });

  // --- gateway, users, application ---------------------------------------------------------
  rest.add('GET', '/gateway', () => ok({ url: gatewayUrl() }), false);
  rest.add('GET', '/gateway/bot', () => ok({
    url: gatewayUrl(), shards: 1,
    session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 },
  }));
  rest.add('GET', '/users/@me', () => ok(model.botUser));
  rest.add('GET', '/users/:user', ({ params }) => ok(model.users.get(params.user) ?? unknown(10013, 'Unknown User')));
  // A direct-message channel with one user (the private line the bot sends when an interaction is long answered).
  rest.add('POST', '/users/@me/channels', ({ body }) => {
    const recipient = model.users.get(String(body?.recipient_id)) ?? unknown(10013, 'Unknown User');
    const id = `8${recipient.id.slice(1)}`;
    if (!model.channels.has(id)) {
      model.channels.set(id, { id, type: 1, recipients: [recipient], last_message_id: null, flags: 0 } as never);
      model.channelMessageIds.set(id, []);
    }
    return ok(model.channels.get(id));
  });
  const application = () => ({
    id: app, name: model.botUser.username, icon: null, description: '', bot_public: true, bot_require_code_grant: false,
    verify_key: '0'.repeat(64), flags: 0, team: null, bot: model.botUser, summary: '',
    owner: model.users.get(model.defaultUserId()), integration_types_config: { '0': {} },
  });
  rest.add('GET', '/applications/@me', () => ok(application()));
  rest.add('GET', '/oauth2/applications/@me', () => ok(application()));

  // --- application commands (bulk overwrite keeps ids of same-named commands, like Discord) ---
  const commandList = (params: Record<string, string>): Json[] => {
    if (params.app !== app) throw new ApiError(403, 50001, 'Missing Access');
    if (!params.guild) return model.globalCommands;
    model.mustGuild(params.guild);
    if (!model.guildCommands.has(params.guild)) model.guildCommands.set(params.guild, []);
    return model.guildCommands.get(params.guild)!;
  };
  const toCommand = (c: Json, guildId: string | undefined, old?: Json): Json => ({
    id: old?.id ?? nextSnowflake(), application_id: app, version: nextSnowflake(), type: c.type ?? 1,
    name: c.name, description: c.description ?? '', options: c.options ?? [], default_member_permissions: c.default_member_permissions ?? null,
    nsfw: c.nsfw ?? false, contexts: c.contexts ?? null, integration_types: c.integration_types ?? [0],
    name_localizations: c.name_localizations ?? null, description_localizations: c.description_localizations ?? null,
    ...(guildId ? { guild_id: guildId } : { dm_permission: c.dm_permission ?? true }),
  });
  for (const base of ['/applications/:app/commands', '/applications/:app/guilds/:guild/commands']) {
    rest.add('GET', base, ({ params }) => ok(commandList(params)));
    rest.add('PUT', base, ({ params, body }) => {
      const list = commandList(params);
      if (!Array.isArray(body)) throw new ApiError(400, 50035, 'Invalid Form Body');
      limited(() => checkCommandLimits(body));
      const next = body.map((c: Json) => toCommand(c, params.guild, list.find((o) => o.name === c.name && o.type === (c.type ?? 1))));
      list.splice(0, list.length, ...next);
      return ok(list);
    });
    rest.add('POST', base, ({ params, body }) => {
      const list = commandList(params);
      limited(() => checkCommandLimits([body]));
      const ix = list.findIndex((o) => o.name === body.name);
      const cmd = toCommand(body, params.guild, list[ix]);
      if (ix >= 0) list[ix] = cmd; else list.push(cmd);
      return ok(cmd, ix >= 0 ? 200 : 201);
    });
    rest.add('DELETE', `${base}/:command`, ({ params }) => {
      const list = commandList(params);
      const ix = list.findIndex((o) => o.id === params.command);
      if (ix < 0) throw new ApiError(404, 10063, 'Unknown application command');
      list.splice(ix, 1);
      return ok();
    });
  }

  // --- interactions --------------------------------------------------------------------------
  rest.add('POST', '/interactions/:id/:token/callback', ({ params, body, files, query }) => {
    const it = model.interactions.get(params.id);
    const windowMs = model.opts.interactionResponseWindowMs ?? 3000;
    if (!it || it.token !== params.token || Date.now() - it.createdAt > windowMs) {
      throw new ApiError(404, 10062, 'Unknown interaction');
    }
    if (it.responses.length) throw new ApiError(400, 40060, 'Interaction has already been acknowledged.');
    const type = body?.type;
    const allowed: Record<number, number[]> = { 2: [4, 5, 9], 3: [4, 5, 6, 7, 9], 4: [8], 5: [4, 5, ...(it.payload.message ? [6, 7] : [])] };
    if (!allowed[it.type]?.includes(type)) {
      throw new ApiError(400, 50035, 'Invalid Form Body', { type: { _errors: [{ code: 'INTERACTION_CALLBACK_TYPE_INVALID', message: `Callback type ${type} is not valid for interaction type ${it.type}` }] } });
    }
    let message: Json | undefined;
    if (type === 4 || type === 5) {
      const data = type === 5 ? { flags: (body.data?.flags ?? 0) & 64, content: '' } : body.data ?? {};
      message = buildMessage(model, {
        channelId: it.payload.channel_id, body: type === 5 ? { ...data, content: 'loading' } : data, files,
        type: it.type === 2 ? 20 : 0, webhookId: app, applicationId: app, interaction: metadata(it),
      });
      if (type === 5) { message.content = ''; message.flags |= 128; } // LOADING
      model.storeMessage(message as any);
      it.originalMessageId = message.id;
      emitCreate(message);
    } else if (type === 7 || type === 6) {
      const target = model.messages.get(it.payload.message?.id);
      if (type === 7 && target) { applyEdit(model, target, body.data ?? {}, files); emitUpdate(target); }
      it.originalMessageId = it.payload.message?.id;
      message = target;
    } else if (type === 9) {
      limited(() => checkModalLimits(body.data ?? {}));
    } else if (type === 8) {
      limited(() => checkAutocompleteLimits(body.data ?? {}));
    }
    it.responses.push({ type, data: body.data, at: Date.now() });
    if (query.with_response !== 'true') return ok();
    return ok({
      interaction: {
        id: it.id, type: it.type, response_message_id: message?.id,
        response_message_loading: type === 5, response_message_ephemeral: Boolean((message?.flags ?? 0) & 64),
      },
      resource: { type, ...(message && type !== 6 ? { message } : {}) },
    });
  }, false);

  const webhookInteraction = ({ params }: RouteRequest): InteractionRecord => {
    const it = model.interactionsByToken.get(params.token);
    if (params.app !== app || !it) throw new ApiError(404, 10015, 'Unknown Webhook');
    if (Date.now() - it.createdAt > WEBHOOK_TOKEN_TTL_MS) throw new ApiError(401, 50027, 'Invalid Webhook Token');
    if (!it.responses.length) throw new ApiError(404, 10015, 'Unknown Webhook'); // must ack first
    return it;
  };
  const webhookMessage = (r: RouteRequest): Json => {
    const it = webhookInteraction(r);
    const id = r.params.message === '@original' ? it.originalMessageId : r.params.message;
    const msg = id ? model.messages.get(id) : undefined;
    if (!msg || (id !== it.originalMessageId && !it.followupIds.includes(id!))) throw new ApiError(404, 10008, 'Unknown Message');
    return msg;
  };
  rest.add('GET', '/webhooks/:app/:token/messages/:message', (r) => ok(webhookMessage(r)), false);
  rest.add('PATCH', '/webhooks/:app/:token/messages/:message', (r) => {
    const msg = webhookMessage(r);
    applyEdit(model, msg as any, r.body ?? {}, r.files);
    msg.flags &= ~128; // editing a deferred response resolves its loading state
    emitUpdate(msg);
    return ok(msg);
  }, false);
  rest.add('DELETE', '/webhooks/:app/:token/messages/:message', (r) => {
    const msg = webhookMessage(r);
    model.deleteMessage(msg.id);
    dispatch('MESSAGE_DELETE', { id: msg.id, channel_id: msg.channel_id, guild_id: guildOf(msg.channel_id) }, INTENT_GUILD_MESSAGES);
    return ok();
  }, false);
  rest.add('POST', '/webhooks/:app/:token', (r) => {
    const it = webhookInteraction(r);
    const msg = buildMessage(model, {
      channelId: it.payload.channel_id, body: r.body ?? {}, files: r.files, type: it.type === 2 ? 20 : 0,
      webhookId: app, applicationId: app, interaction: metadata(it),
    });
    model.storeMessage(msg);
    it.followupIds.push(msg.id);
    emitCreate(msg);
    return ok(r.query.wait === 'false' ? undefined : msg);
  }, false);

  // --- channels & messages ---------------------------------------------------------------------
  const channel = (id: string) => model.channels.get(id) ?? unknown(10003, 'Unknown Channel');
  const message = (channelId: string, id: string) => {
    channel(channelId);
    const m = model.messages.get(id);
    if (!m || m.channel_id !== channelId || (m.flags ?? 0) & 64) throw new ApiError(404, 10008, 'Unknown Message');
    return m;
  };
  rest.add('GET', '/channels/:channel', ({ params }) => ok(channel(params.channel)));
  rest.add('POST', '/channels/:channel/typing', ({ params }) => (channel(params.channel), ok()));
  rest.add('GET', '/channels/:channel/messages', ({ params, query }) => {
    channel(params.channel);
    let list = model.channelMessages(params.channel).reverse(); // newest first, like Discord
    if (query.before) list = list.filter((m) => BigInt(m.id) < BigInt(query.before));
    if (query.after) list = list.filter((m) => BigInt(m.id) > BigInt(query.after));
    return ok(list.slice(0, Number(query.limit ?? 50)));
  });
  rest.add('POST', '/channels/:channel/messages', ({ params, body, files }) => {
    channel(params.channel);
    // Discord (Create Message, enforce_nonce): "If true and nonce is present, it will be checked for uniqueness
    // in the past few minutes. If another message was created by the same author with the same nonce, that
    // message will be returned and no new message will be created." JSON and multipart (payload_json) alike.
    if (body?.enforce_nonce && body.nonce !== undefined) {
      const since = Date.now() - NONCE_WINDOW_MS;
      const same = model.channelMessages(params.channel).find((m) => m.nonce === body.nonce && m.author.id === model.botUser.id && Date.parse(m.timestamp) >= since);
      if (same) return ok(same);
    }
    const msg = buildMessage(model, { channelId: params.channel, body: body ?? {}, files });
    model.storeMessage(msg);
    emitCreate(msg);
    return ok(msg);
  });
  rest.add('GET', '/channels/:channel/messages/:message', ({ params }) => ok(message(params.channel, params.message)));
  rest.add('PATCH', '/channels/:channel/messages/:message', ({ params, body, files }) => {
    const msg = message(params.channel, params.message);
    if (msg.author.id !== model.botUser.id) throw new ApiError(403, 50005, 'Cannot edit a message authored by another user');
    applyEdit(model, msg, body ?? {}, files);
    emitUpdate(msg);
    return ok(msg);
  });
  rest.add('DELETE', '/channels/:channel/messages/:message', ({ params }) => {
    message(params.channel, params.message);
    model.deleteMessage(params.message);
    dispatch('MESSAGE_DELETE', { id: params.message, channel_id: params.channel, guild_id: guildOf(params.channel) }, INTENT_GUILD_MESSAGES);
    return ok();
  });
  const react = (delta: 1 | -1) => ({ params }: RouteRequest) => {
    const msg = message(params.channel, params.message);
    const emoji = parseEmoji(params.emoji);
    const userId = params.user ?? model.botUser.id;
    tallyReaction(msg, emoji, userId === model.botUser.id, delta);
    const guildId = guildOf(params.channel);
    dispatch(delta > 0 ? 'MESSAGE_REACTION_ADD' : 'MESSAGE_REACTION_REMOVE', {
      user_id: userId, channel_id: params.channel, message_id: params.message, emoji, burst: false, type: 0,
      ...(guildId ? { guild_id: guildId } : {}),
      ...(delta > 0 ? { burst_colors: [], message_author_id: msg.author.id, ...(guildId ? { member: model.member(guildId, userId) } : {}) } : {}),
    }, INTENT_GUILD_REACTIONS);
    return ok();
  };
  rest.add('PUT', '/channels/:channel/messages/:message/reactions/:emoji/@me', react(1));
  rest.add('DELETE', '/channels/:channel/messages/:message/reactions/:emoji/@me', react(-1));
  rest.add('DELETE', '/channels/:channel/messages/:message/reactions/:emoji/:user', react(-1));

  // --- guilds ----------------------------------------------------------------------------------
  const guild = (id: string) => (model.guilds.has(id) ? id : unknown(10004, 'Unknown Guild'));
  rest.add('GET', '/guilds/:guild', ({ params }) => {
    const { members, channels, voice_states, presences, threads, ...g } = model.guildPayload(guild(params.guild));
    return ok(g);
  });
  rest.add('GET', '/guilds/:guild/channels', ({ params }) => ok(model.guildPayload(guild(params.guild)).channels));
  rest.add('GET', '/guilds/:guild/roles', ({ params }) => ok(model.roles(guild(params.guild))));
  rest.add('GET', '/guilds/:guild/members/:user', ({ params }) => {
    const g = model.mustGuild(guild(params.guild));
    const isMember = params.user === model.botUser.id || g.members?.some((m) => m.userId === params.user);
    return ok(isMember ? model.member(g.id, params.user) : unknown(10007, 'Unknown Member'));
  });

  function guildOf(channelId: string): string | undefined {
    return model.channels.get(channelId)?.guild_id as string | undefined;
  }
  function emitCreate(msg: Json): void {
    if ((msg.flags ?? 0) & 64) return; // ephemeral messages never reach the gateway
    const guildId = guildOf(msg.channel_id);
    dispatch('MESSAGE_CREATE', { ...msg, ...(guildId ? { guild_id: guildId, member: stripUser(model.member(guildId, msg.author.id)) } : {}) }, INTENT_GUILD_MESSAGES);
  }
  function emitUpdate(msg: Json): void {
    if ((msg.flags ?? 0) & 64) return;
    dispatch('MESSAGE_UPDATE', { ...msg, guild_id: guildOf(msg.channel_id) }, INTENT_GUILD_MESSAGES);
  }
  function metadata(it: InteractionRecord): Json {
    const user = it.payload.member?.user ?? it.payload.user;
    return {
      id: it.id, type: it.type, user, authorizing_integration_owners: it.payload.authorizing_integration_owners,
      ...(it.type === 3 ? { interacted_message_id: it.payload.message?.id } : {}),
      ...(it.type === 2 ? { name: it.payload.data?.name } : {}),
    };
  }
}

const stripUser = ({ user, ...rest }: Json) => rest;
function unknown(code: number, message: string): never {
  throw new ApiError(404, code, message);
}
