/**
 * Discord application commands, generated from the one registry (commands/registry.ts): one command per
 * top-level name, subcommands for `session`, `speaker` and `priority`, typed options with the same names.
 * Nothing here is written by hand per command, so Discord cannot drift from the terminal and Slack.
 */
import {
  ApplicationCommandOptionType, ApplicationCommandType, ApplicationIntegrationType, InteractionContextType, PermissionFlagsBits,
  type APIApplicationCommandBasicOption, type LocalizationMap, type APIApplicationCommandSubcommandOption, type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Command, OptionSpec } from '../../commands/command.ts';
import { findCommand, topLevel } from '../../commands/registry.ts';
import { FIXED_CHOICES } from '../../commands/options.ts';
import type { PlenaryConfig } from '../../src/config.ts';
import type { Role } from '../../src/roles.ts';

export type CommandDefinition = RESTPostAPIChatInputApplicationCommandsJSONBody;

const MAX_DESCRIPTION = 100;
const MAX_CHOICES = 25;
const describe = (text: string) => (text.length <= MAX_DESCRIPTION ? text : `${text.slice(0, MAX_DESCRIPTION - 1)}…`);

/**
 * Who sees a command by default. This is only Discord's first filter (server admins can change it under
 * Server Settings → Integrations); the configured roles are still checked on every call. A top-level
 * command is restricted only when *every* subcommand needs the role, so `/session status`, `/speaker list`,
 * `/menu` and `/summary` stay visible to participants:
 * - moderator commands (`/priority …`): Manage Events — the people who run a server's events and stages;
 * - organiser commands (`/digest`): Manage Server — organisers run the whole conference server.
 */
const PERMISSION: Record<Role, bigint | null> = {
  participant: null,
  moderator: PermissionFlagsBits.ManageEvents,
  organiser: PermissionFlagsBits.ManageGuild,
};
const ROLE_ORDER: Role[] = ['participant', 'moderator', 'organiser'];
const leastRole = (commands: Command[]) => ROLE_ORDER[Math.min(...commands.map((c) => ROLE_ORDER.indexOf(c.role)))];

/** Fixed choices for an option, or null when it has none (or more than Discord's 25: then it is free text). */
export function choiceValues(kind: OptionSpec['choices'], config: PlenaryConfig): string[] | null {
  const values: readonly string[] | null = kind === 'group' ? config.stakeholderGroups : kind ? FIXED_CHOICES[kind] : null;
  return values && values.length <= MAX_CHOICES ? [...values] : null;
}

/**
 * Translations of a description, by its stable key (`command.react`, `command.react.code`); the languages
 * work passes one in, and Discord shows each member the description in their client's language.
 */
export type Localize = (key: string, params?: Record<string, string>) => LocalizationMap | undefined;
const noTranslations: Localize = () => undefined;

const localized = (key: string, localize: Localize, params?: Record<string, string>) => {
  const map = localize(key, params);
  if (!map) return {};
  return { description_localizations: Object.fromEntries(Object.entries(map).map(([locale, text]) => [locale, describe(text ?? '')])) };
};

export function optionDefinition(spec: OptionSpec, config: PlenaryConfig, localize: Localize = noTranslations): APIApplicationCommandBasicOption {
  const common = { name: spec.name, description: describe(spec.description), ...localized(spec.key, localize), required: Boolean(spec.required) };
  if (spec.type === 'flag') return { ...common, type: ApplicationCommandOptionType.Boolean };
  const choices = choiceValues(spec.choices, config);
  if (choices) return { ...common, type: ApplicationCommandOptionType.String, choices: choices.map((v) => ({ name: v, value: v })) };
  return {
    ...common,
    type: ApplicationCommandOptionType.String,
    ...(spec.maxLength ? { max_length: spec.maxLength } : {}),
    ...(spec.autocomplete ? { autocomplete: true } : {}),
  };
}

/** Discord requires required options first; the registry's relative order is kept otherwise. */
const options = (command: Command, config: PlenaryConfig, localize: Localize) =>
  [...command.options].sort((a, b) => Number(Boolean(b.required)) - Number(Boolean(a.required))).map((o) => optionDefinition(o, config, localize));

export function commandDefinitions(config: PlenaryConfig, localize: Localize = noTranslations): CommandDefinition[] {
  return topLevel().map((group) => {
    const members = group.command ? [group.command] : group.subcommands;
    const permission = PERMISSION[leastRole(members)];
    const base = {
      type: ApplicationCommandType.ChatInput as const,
      name: group.name,
      contexts: [InteractionContextType.Guild], // sessions live in server channels, never in DMs
      integration_types: [ApplicationIntegrationType.GuildInstall],
      default_member_permissions: permission === null ? null : permission.toString(),
    };
    if (group.command) {
      return { ...base, description: describe(group.command.description), ...localized(group.command.key, localize), options: options(group.command, config, localize) };
    }
    const names = group.subcommands.map((c) => c.name.split(' ')[1]).join(', ');
    return {
      ...base,
      description: describe(`${group.name[0].toUpperCase()}${group.name.slice(1)} commands: ${names}`),
      ...localized(`command.group.${group.name}`, localize, { names }),
      options: group.subcommands.map((c): APIApplicationCommandSubcommandOption => ({
        type: ApplicationCommandOptionType.Subcommand,
        name: c.name.split(' ')[1],
        description: describe(c.description),
        ...localized(c.key, localize),
        options: options(c, config, localize),
      })),
    };
  });
}

/** The registry command a Discord invocation names (`session` + `start`), if any. */
export function commandFor(name: string, subcommand: string | null): Command | undefined {
  return findCommand(subcommand ? `${name} ${subcommand}` : name);
}

/** Reads a command's typed options back into the raw record `execute` validates. */
export function optionValues(
  command: Command,
  read: { getString(name: string): string | null; getBoolean(name: string): boolean | null },
): Record<string, string | boolean> {
  const raw: Record<string, string | boolean> = {};
  for (const spec of command.options) {
    const value = spec.type === 'flag' ? read.getBoolean(spec.name) : read.getString(spec.name);
    if (value !== null && value !== undefined) raw[spec.name] = value;
  }
  return raw;
}
