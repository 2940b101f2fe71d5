/**
 * The fake Web API's methods over the SlackWorld (web-api-state.ts): one handler per implemented method, with
 * Slack's answer shapes and refusals (docs.slack.dev/reference/methods).
 */
import { type SlackWorld, parseMetadata, tsMicros, str, arr, fail, withinLimits, type Args, type ApiResult, type StoredEphemeral, type StoredFile, type StoredView } from './web-api-state.ts';
import { checkMessageBlocks, checkModal, refusal } from './block-limits.ts';

export function slackMethods(world: SlackWorld, uploadBase: () => string, socketUrl: () => string | undefined): Record<string, (a: Args) => ApiResult> {
  const me = world.me;
  // users.list's order, rebuilt only when users were seeded since (a bench seeds 100,000).
  let directory: { size: number; ids: string[]; at: Map<string, number> } = { size: -1, ids: [], at: new Map() };
  const directoryIds = () => {
    if (directory.size !== world.users.size) {
      const ids = [...world.users.keys()].sort();
      directory = { size: ids.length, ids, at: new Map(ids.map((id, i) => [id, i])) };
    }
    return directory;
  };
  return {
    'api.test': (a) => ({ ok: true, args: a }),
    'auth.test': () => ({
      ok: true, url: `https://${me.teamDomain}.slack.com/`, team: 'Plenary Test', user: 'plenary',
      team_id: me.teamId, user_id: me.botUserId, bot_id: me.botId, is_enterprise_install: false,
    }),
    'chat.postMessage': (a) => withinLimits(() => checkMessageBlocks(a.blocks, a.text), () => {
      const channel = str(a.channel);
      if (!channel) return fail('channel_not_found');
      if (world.outside.has(channel)) return fail('not_in_channel');
      const refusal = world.refusals.get(channel);
      if (refusal) return fail(refusal.error, refusal.extra);
      if (a.text === undefined && !arr(a.blocks) && !arr(a.attachments)) return fail('no_text');
      const metadata = parseMetadata(a.metadata);
      if (metadata === 'invalid') return fail('invalid_metadata_format');
      const m = world.post(channel, { ...a, metadata });
      return { ok: true, channel, ts: m.ts, message: world.render(m) };
    }),
    'chat.update': (a) => withinLimits(() => checkMessageBlocks(a.blocks, a.text), () => {
      const channel = str(a.channel), ts = str(a.ts);
      const m = channel && ts ? world.messages.get(world.key(channel, ts)) : undefined;
      if (!m || m.deleted) return fail('message_not_found');
      if (a.text !== undefined) m.text = String(a.text);
      if (a.blocks !== undefined) m.blocks = arr(a.blocks);
      if (a.attachments !== undefined) m.attachments = arr(a.attachments);
      m.edits += 1;
      return { ok: true, channel: m.channel, ts: m.ts, text: m.text ?? '', message: world.render(m) };
    }),
    'chat.postEphemeral': (a) => withinLimits(() => checkMessageBlocks(a.blocks, a.text), () => {
      const channel = str(a.channel), user = str(a.user);
      if (!channel) return fail('channel_not_found');
      if (world.outside.has(channel)) return fail('not_in_channel');
      if (!user) return fail('user_not_found');
      const e: StoredEphemeral = { channel, user, ts: world.clock.next(), text: str(a.text), blocks: arr(a.blocks) };
      world.ephemerals.push(e);
      return { ok: true, message_ts: e.ts };
    }),
    'chat.delete': (a) => {
      const channel = str(a.channel), ts = str(a.ts);
      const m = channel && ts ? world.messages.get(world.key(channel, ts)) : undefined;
      if (!m || m.deleted) return fail('message_not_found');
      m.deleted = true;
      return { ok: true, channel: m.channel, ts: m.ts };
    },
    'views.open': (a) => withinLimits(() => checkModal(a.view as Args), () => {
      const bad = world.useTrigger(str(a.trigger_id));
      if (bad) return fail(bad);
      if (!a.view || typeof a.view !== 'object') return fail('invalid_arguments');
      const v: StoredView = {
        id: world.newId('V'), hash: `${Date.now()}.fake${world.idSeq}`, trigger_id: str(a.trigger_id),
        external_id: str((a.view as Args).external_id), view: a.view as Args,
      };
      world.views.set(v.id, v);
      return { ok: true, view: world.renderView(v) };
    }),
    'views.update': (a) => withinLimits(() => checkModal(a.view as Args), () => {
      const id = str(a.view_id), ext = str(a.external_id);
      const v = id ? world.views.get(id) : [...world.views.values()].find((x) => ext && x.external_id === ext);
      if (!v) return fail('not_found');
      if (str(a.hash) && a.hash !== v.hash) return fail('hash_conflict');
      if (!a.view || typeof a.view !== 'object') return fail('invalid_arguments');
      v.view = a.view as Args;
      v.hash = `${Date.now()}.fake${(world.idSeq += 1)}`;
      return { ok: true, view: world.renderView(v) };
    }),
    // Newest first, between oldest and latest (exclusive unless inclusive); metadata only with include_all_metadata.
    'conversations.history': (a) => {
      const channel = str(a.channel);
      if (!channel || !world.channelInfo(channel)) return fail('channel_not_found');
      if (world.outside.has(channel)) return fail('not_in_channel');
      const limit = Math.min(999, Math.max(1, Number(a.limit ?? 100) || 100));
      const inclusive = a.inclusive === true || a.inclusive === 'true' || a.inclusive === '1';
      const oldest = str(a.oldest) ? tsMicros(String(a.oldest)) : 0;
      const latest = str(a.latest) ? tsMicros(String(a.latest)) : Infinity;
      const withMetadata = a.include_all_metadata === true || a.include_all_metadata === 'true' || a.include_all_metadata === '1';
      const cursor = str(a.cursor);
      const start = cursor ? Number(Buffer.from(cursor, 'base64').toString().replace(/^next_ts:/, '')) : latest;
      if (cursor && !Number.isFinite(start)) return fail('invalid_cursor');
      const inRange = [...world.messages.values()]
        .filter((m) => m.channel === channel && !m.deleted && !m.thread_ts)
        .filter((m) => {
          const t = tsMicros(m.ts);
          return (inclusive ? t >= oldest : t > oldest) && (cursor ? t < start : inclusive ? t <= latest : t < latest);
        })
        .sort((x, y) => tsMicros(y.ts) - tsMicros(x.ts));
      const page = inRange.slice(0, limit);
      const hasMore = inRange.length > limit;
      const messages = page.map((m) => ({ ...world.render(m), ...(withMetadata && m.metadata ? { metadata: m.metadata } : {}) }));
      const last = page.at(-1);
      return {
        ok: true, messages, has_more: hasMore, pin_count: 0,
        ...(hasMore && last ? { response_metadata: { next_cursor: Buffer.from(`next_ts:${tsMicros(last.ts)}`).toString('base64') } } : {}),
      };
    },
    'conversations.info': (a) => {
      const c = world.channelInfo(String(a.channel ?? ''));
      return c ? { ok: true, channel: c } : fail('channel_not_found');
    },
    'users.info': (a) => {
      const u = world.userInfo(String(a.user ?? ''));
      if (!u) return fail('user_not_found');
      // Like Slack: the locale is there only when asked for with include_locale (default en-US).
      const { locale, ...rest } = u;
      const wantsLocale = a.include_locale === true || a.include_locale === 'true';
      return { ok: true, user: wantsLocale ? { ...rest, locale: locale ?? 'en-US' } : rest };
    },
    // Pagination per docs.slack.dev/apis/web-api/pagination: the cursor is opaque (Slack's own look like
    // base64 `user:U061NFTT2`), limit ≤ 999 (@slack/web-api CursorPaginationEnabled); no limit on a large
    // team is limit_required. Members are the seeded users, in id order; locale only with include_locale.
    'users.list': (a) => {
      const { ids, at } = directoryIds();
      const limit = a.limit === undefined || a.limit === '' ? undefined : Number(a.limit);
      if (limit !== undefined && (!Number.isInteger(limit) || limit < 0 || limit > 999)) return fail('invalid_arguments');
      if (!limit && ids.length > 1000) return fail('limit_required');
      let start = 0;
      if (a.cursor !== undefined && a.cursor !== '') {
        const after = /^user:(.+)$/.exec(Buffer.from(String(a.cursor), 'base64').toString('utf8'))?.[1];
        start = after === undefined ? -1 : (at.get(after) ?? -1) + 1;
        if (start <= 0) return fail('invalid_cursor');
      }
      const page = ids.slice(start, limit ? start + limit : undefined);
      const wantsLocale = a.include_locale === true || a.include_locale === 'true';
      const members = page.map((id) => {
        const { locale, ...rest } = world.userInfo(id)!;
        return wantsLocale ? { ...rest, locale: locale ?? 'en-US' } : rest;
      });
      const more = start + page.length < ids.length;
      const next_cursor = more ? Buffer.from(`user:${page[page.length - 1]}`).toString('base64') : '';
      return { ok: true, members, cache_ts: Math.floor(Date.now() / 1000), response_metadata: { next_cursor } };
    },
    'reactions.get': (a) => {
      const m = world.messages.get(world.key(String(a.channel ?? ''), String(a.timestamp ?? '')));
      if (!m || m.deleted) return fail('message_not_found');
      return { ok: true, type: 'message', channel: m.channel, message: { ...world.render(m), reactions: m.reactions } };
    },
    'reactions.add': (a) => {
      const channel = String(a.channel ?? ''), ts = String(a.timestamp ?? ''), name = String(a.name ?? '');
      if (!world.messages.get(world.key(channel, ts))) return fail('message_not_found');
      return world.react(channel, ts, name, me.botUserId) ? { ok: true } : fail('already_reacted');
    },
    'files.getUploadURLExternal': (a) => {
      const filename = str(a.filename), length = Number(a.length);
      if (!filename || !Number.isFinite(length) || length <= 0) return fail('invalid_arguments');
      if (length > 1024 ** 3) return fail('file_too_large');
      const f: StoredFile = { id: world.newId('F'), filename, length, completed: false };
      world.files.set(f.id, f);
      return { ok: true, upload_url: `${uploadBase()}/${f.id}`, file_id: f.id };
    },
    // docs.slack.dev/reference/methods/files.completeUploadExternal: `files` is required ([{id, title?}]); the
    // upload must have received its bytes; "This method can only be called once" per upload. Slack does not
    // document the error a second call answers: the fake answers file_not_found (the upload is no longer
    // pending), and plenary's poster does not depend on the name (it asks files.info).
    'files.completeUploadExternal': (a) => withinLimits(() => checkMessageBlocks(a.blocks), () => {
      const list = arr(a.files) as { id?: unknown; title?: unknown }[] | undefined;
      if (!list?.length || list.some((item) => !item || typeof item !== 'object' || !str(item.id))) return fail('invalid_arguments');
      const target = str(a.channel_id);
      if (target && !world.channelInfo(target)) return fail('channel_not_found');
      if (target && world.outside.has(target)) return fail('not_in_channel');
      const refusal = target ? world.refusals.get(target) : undefined;
      if (refusal) return fail(refusal.error, refusal.extra);
      const files = list.map((item) => world.files.get(String(item.id)));
      // All or nothing: every file must be uploaded and not yet completed.
      if (files.some((f) => !f || !f.bytes || f.completed)) return fail('file_not_found');
      const created = Math.floor(Date.now() / 1000);
      for (const [i, f] of (files as StoredFile[]).entries()) {
        Object.assign(f, {
          completed: true, created, title: str(list[i].title) ?? f.filename, channel_id: target,
          thread_ts: str(a.thread_ts), initial_comment: str(a.initial_comment),
        });
      }
      // Shared to a channel, the files arrive as one message: the blocks (or initial comment) with the files.
      const share = () => {
        const m = world.post(target as string, { text: str(a.initial_comment) ?? '', blocks: str(a.initial_comment) ? undefined : a.blocks, thread_ts: a.thread_ts });
        for (const f of files as StoredFile[]) f.share_ts = m.ts;
        m.files = (files as StoredFile[]).map((f) => world.fileObject(f));
      };
      if (target && world.shareDelayMs > 0) setTimeout(share, world.shareDelayMs).unref();
      else if (target) share();
      // The answer's files are as Slack answers them, before its asynchronous share shows in `shares`.
      return { ok: true, files: (files as StoredFile[]).map((f) => ({ id: f.id, title: f.title })) };
    }),
    // docs.slack.dev/reference/methods/files.info: `file` is required; an upload never completed is no file.
    'files.info': (a) => {
      const id = str(a.file);
      if (!id) return fail('invalid_arguments');
      const f = world.files.get(id);
      if (!f || !f.completed) return fail('file_not_found');
      return { ok: true, file: world.fileObject(f), comments: [], response_metadata: { next_cursor: '' } };
    },
    'apps.connections.open': () => {
      const url = socketUrl();
      // A fail-fast error (socket-mode treats not_authed as unrecoverable) instead of a retry storm.
      return url ? { ok: true, url } : fail('not_authed', { detail: 'fake: no Socket Mode server attached' });
    },
  };
}
