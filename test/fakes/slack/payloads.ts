/**
 * Builders for the payloads Slack delivers to an app. The same objects travel over
 * HTTP (signed-requests.ts) and inside Socket Mode envelopes (fake-socket-mode.ts).
 * Field sets follow docs.slack.dev (slash commands, Events API, block_actions, view_submission).
 */

export interface Workspace { teamId?: string; teamDomain?: string; appId?: string; botUserId?: string }

const DEFAULTS = { teamId: 'T0PLENARY', teamDomain: 'plenary-test', appId: 'A0PLENARY', botUserId: 'U0PLENBOT' };
let seq = 0;
const nextId = () => (seq += 1);
/** Slack's trigger ids look like "<n>.<n>.<hex>". */
export const fakeTriggerId = () => `${1000 + nextId()}.${Date.now()}.${Math.random().toString(16).slice(2, 14)}`;
export const fakeEventId = () => `Ev0FAKE${String(nextId()).padStart(6, '0')}`;
/** Slack escapes only these three characters in user-typed text. */
export const slackEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const nowTs = () => (Date.now() / 1000).toFixed(6);

export interface SlashCommandInput extends Workspace {
  command: string;
  text?: string; // as typed; escaped unless `escaped: true`
  escaped?: boolean;
  user_id: string;
  user_name?: string;
  channel_id: string;
  channel_name?: string;
  team_id?: string;
  response_url?: string;
  trigger_id?: string;
}

/** Flat string fields in the order Slack posts them (x-www-form-urlencoded). */
export function buildSlashCommand(i: SlashCommandInput): Record<string, string> {
  const w = { ...DEFAULTS, ...i };
  return {
    token: 'deprecated-verification-token',
    team_id: i.team_id ?? w.teamId,
    team_domain: w.teamDomain,
    channel_id: i.channel_id,
    channel_name: i.channel_name ?? 'panel',
    user_id: i.user_id,
    user_name: i.user_name ?? i.user_id.toLowerCase(),
    command: i.command,
    text: i.escaped ? (i.text ?? '') : slackEscape(i.text ?? ''),
    api_app_id: w.appId,
    is_enterprise_install: 'false',
    response_url: i.response_url ?? `https://hooks.slack.com/commands/${w.teamId}/${nextId()}/fake`,
    trigger_id: i.trigger_id ?? fakeTriggerId(),
  };
}

export interface EventCallbackInput extends Workspace {
  event: { type: string; [k: string]: unknown };
  event_id?: string;
  event_time?: number;
}

export function buildEventCallback(i: EventCallbackInput): Record<string, unknown> {
  const w = { ...DEFAULTS, ...i };
  return {
    token: 'deprecated-verification-token',
    team_id: w.teamId,
    context_team_id: w.teamId,
    api_app_id: w.appId,
    event: { event_ts: nowTs(), ...i.event },
    type: 'event_callback',
    event_id: i.event_id ?? fakeEventId(),
    event_time: i.event_time ?? Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: w.teamId, user_id: w.botUserId, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  };
}

export interface BlockActionInput extends Workspace {
  user: string;
  channel: string;
  message_ts: string;
  message?: Record<string, unknown>; // the message the button sits on, as Slack echoes it
  action_id: string;
  block_id?: string;
  value?: string;
  action_type?: string;
  response_url?: string;
  trigger_id?: string;
  state?: Record<string, unknown>;
}

export function buildBlockAction(i: BlockActionInput): Record<string, unknown> {
  const w = { ...DEFAULTS, ...i };
  const user = { id: i.user, username: i.user.toLowerCase(), name: i.user.toLowerCase(), team_id: w.teamId };
  return {
    type: 'block_actions',
    user,
    api_app_id: w.appId,
    token: 'deprecated-verification-token',
    container: { type: 'message', message_ts: i.message_ts, channel_id: i.channel, is_ephemeral: false },
    trigger_id: i.trigger_id ?? fakeTriggerId(),
    team: { id: w.teamId, domain: w.teamDomain },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: i.channel, name: 'panel' },
    message: i.message ?? { type: 'message', ts: i.message_ts, user: w.botUserId, text: '', blocks: [] },
    state: { values: i.state ?? {} },
    response_url: i.response_url ?? `https://hooks.slack.com/actions/${w.teamId}/${nextId()}/fake`,
    actions: [{
      action_id: i.action_id, block_id: i.block_id ?? 'b1', type: i.action_type ?? 'button',
      value: i.value, action_ts: nowTs(), text: { type: 'plain_text', text: i.action_id, emoji: true },
    }],
  };
}

export interface ViewSubmissionInput extends Workspace {
  user: string;
  view: {
    id?: string;
    callback_id: string;
    private_metadata?: string;
    state: { values: Record<string, Record<string, unknown>> };
    title?: string;
  };
  trigger_id?: string;
}

export function buildViewSubmission(i: ViewSubmissionInput): Record<string, unknown> {
  const w = { ...DEFAULTS, ...i };
  const id = i.view.id ?? `V0FAKESUB${nextId()}`;
  return {
    type: 'view_submission',
    team: { id: w.teamId, domain: w.teamDomain },
    user: { id: i.user, username: i.user.toLowerCase(), name: i.user.toLowerCase(), team_id: w.teamId },
    api_app_id: w.appId,
    token: 'deprecated-verification-token',
    trigger_id: i.trigger_id ?? fakeTriggerId(),
    view: {
      id, team_id: w.teamId, type: 'modal', blocks: [], private_metadata: i.view.private_metadata ?? '',
      callback_id: i.view.callback_id, state: i.view.state, hash: `${Date.now()}.fakehash`,
      title: { type: 'plain_text', text: i.view.title ?? 'Panel', emoji: true },
      clear_on_close: false, notify_on_close: false, close: null,
      submit: { type: 'plain_text', text: 'Submit', emoji: true },
      previous_view_id: null, root_view_id: id, app_id: w.appId, external_id: '',
      app_installed_team_id: w.teamId, bot_id: 'B0PLENBOT',
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}
