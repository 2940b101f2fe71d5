/** Delivery: what the person who caused a post hears when the platform refuses it for good. */
export const delivery = {
  'delivery.failed': '⚠ I could not post {what} to {where}: {fix}',
  'delivery.what': '{kind, select, finalSummary {the final summary} proposal {a proposal card} menu {the menu} summary {the summary} digest {the digest} status {the status} other {the post}}',
  'delivery.where.here': 'this channel',
  'delivery.where.link': '<#{id}>',
  'delivery.where.other': '{platform, select, slack {the Slack channel {id}} discord {the Discord channel {id}} other {the terminal channel {id}}}',

  'delivery.slack.not_in_channel': 'the app is not in <#{channel}>: invite it there with /invite @plenary, then post again.',
  'delivery.slack.channel_not_found': 'Slack does not show <#{channel}> to the app (private or deleted): invite the app there with /invite @plenary, then post again.',
  'delivery.slack.is_archived': '<#{channel}> is archived: unarchive it, or follow the session from another channel with /session join.',
  'delivery.slack.missing_scope': 'the app lacks the Slack permission {needed}: a workspace admin reinstalls it from the manifest, then post again.',
  'delivery.slack.restricted_action': 'the workspace restricts who may post in <#{channel}>: an admin allows the app to post there, then post again.',
  'delivery.slack.too_long': 'it was too long for one Slack message: use the command without “post” to read it privately.',
  'delivery.slack.invalid_blocks': 'Slack refused its layout: use the command without “post” to read it privately, and tell the operator (the log has details).',
  'delivery.slack.token_rejected': 'the app’s Slack token was rejected: the operator fixes SLACK_BOT_TOKEN.',
  'delivery.slack.token_revoked': 'the app’s Slack token was revoked: the operator reinstalls the app and updates SLACK_BOT_TOKEN.',
  'delivery.slack.other': 'Slack refused it ({reason}): tell the operator, the log has details.',

  'delivery.discord.unknown_channel': 'Discord says channel {channel} no longer exists: follow the session from another channel with /session join.',
  'delivery.discord.missing_access': 'the bot cannot see <#{channel}>: give its role View Channel and Send Messages there, then post again.',
  'delivery.discord.missing_permissions': 'the bot lacks a permission in <#{channel}>: give its role Send Messages, Embed Links, Attach Files and Add Reactions there, then post again.',
  'delivery.discord.invalid_form': 'Discord refused it as too long or malformed: use the command without “post” to read it privately, and tell the operator.',
  'delivery.discord.too_large': 'it was too large for Discord: use the command without “post” to read it privately.',
  'delivery.discord.not_sendable': '<#{channel}> is not a channel the bot can post in (a category, or no access): bind a text channel with /session join.',
  'delivery.discord.other': 'Discord refused it ({code}: {reason}): tell the operator, the log has details.',
} as const;
