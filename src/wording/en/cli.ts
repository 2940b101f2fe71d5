/**
 * The command line's own lines: `plenary demo`, the usage text, and what the operator is told when a command
 * or start-up fails. Variable names, paths, URLs, commands and flags are parameters: they stay verbatim.
 */
export const cli = {
  'cli.demo.title': 'plenary demo — Session III, UN Cybersecurity Conference (Beijing, 2016), on a temporary store',
  'cli.demo.audience': 'The audience (50 people, declared groups) reacts: {lines, number} lines; the first 12 are shown.',
  'cli.demo.done': 'Done in {seconds, number, ::.0} s: {reactions, number} reactions from {participants, number} participants.',
  'cli.args.bad-language': '--lang “{given}” must be one of ar, en, es, fr, ru, zh',
  'cli.demo-screen.open': 'plenary demo with the room’s screen: open {link}',
  'cli.demo-screen.audience': 'The audience ({reactions, plural, one {# reaction} other {# reactions}}) reacts over about {seconds, number} s; watch the page move.',
  'cli.demo-screen.progress': '{done, number} of {total, plural, one {# reaction} other {# reactions}} in',
  'cli.demo-screen.closed': 'Session closed: the screen shows the final summary.',
  'cli.demo-screen.serving': 'Still serving the screen; press Ctrl-C to stop.',
  'cli.demo-screen.port-taken': 'the screen needs a free port: {port} is taken ({code}); set {variable}',

  'cli.usage': 'usage: {syntax}',
  'cli.usage.command': "'<'command>", // ICU: a bare < opens a tag
  'cli.usage.options': '[options]',
  'cli.usage.help': 'that command’s usage',
  'cli.usage.lang': 'the language of these lines (and of the demo and the digest): {languages}',
  'cli.usage.environment': 'environment: {config} (config file; default {configPath} when present), {store} (default {storeUrl})',
  'cli.summary.start': 'run the bot (Slack/Discord when their variables are set, else the terminal)',
  'cli.summary.demo': 'replay the seed panel on a temporary store ({screen}: with the live screen, ~30 s; {lang}: in that language)',
  'cli.summary.digest': 'print the daily digest from the store',
  'cli.summary.manifest': 'print the Slack app manifest',
  'cli.summary.discord-register': 'register Discord application commands',

  'cli.args.unknown-command': 'unknown command "{given}"; known: {known}',
  'cli.args.unknown-command-hint': 'unknown command "{given}" (did you mean "{suggestion}"?); known: {known}',
  'cli.args.unexpected': '{command}: unexpected "{given}"',
  'cli.args.unknown-option': '{command}: unknown option {option}',
  'cli.args.needs-value': '{command}: {option} needs a value',
  'cli.args.given-twice': '{command}: {option} is given twice',
  'cli.digest.bad-date': '{command}: {option} "{given}" must be a day like {example}',
  'cli.digest.bad-format': '{command}: {option} "{given}" must be md, json or csv',
  'cli.digest.no-store': 'no store at {path} ({variable}={store}): set {variable} to the bot’s store, or run {command} first',

  'cli.discord.registered': '{count, plural, one {Registered # application command.} other {Registered # application commands.}}',
  'cli.discord.register-needs': 'set {token} and {application} to register commands',
  'cli.discord.needs': 'Discord needs {token} and {application}',
  'cli.discord.token-rejected': 'Discord rejected {token}: set it to the bot token from the Developer Portal (Bot → Reset Token).',
  'cli.slack.needs': 'Slack needs {token}, with {secret} (HTTP) or {appToken} (Socket Mode)',
  'cli.slack.token-rejected': 'Slack rejected {token} ({reason}): set it to the app’s Bot User OAuth Token (xoxb-…).',
  'cli.store.cannot-open': 'cannot open the store {store} ({reason}): check {variable}',
  'cli.screen.off-in-use': 'the screen is off: port {port} is already in use; set {variable} to a free port to turn it on.',
  'cli.screen.off-unavailable': 'the screen is off: port {port} is unavailable ({code}); set {variable} to a free port to turn it on.',
  'cli.screen.could-not-start': 'The screen could not start; see the bot log.',
} as const;
