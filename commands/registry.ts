/**
 * The one list of commands. The terminal's parser and help, Slack's manifest and Discord's
 * application commands are all generated from it.
 */
import type { Command } from './command.ts';
import sessionStart from './session-start.ts';
import sessionJoin from './session-join.ts';
import sessionStatus from './session-status.ts';
import sessionClose from './session-close.ts';
import sessionReopen from './session-reopen.ts';
import sessionDelete from './session-delete.ts';
import speakerAdd from './speaker-add.ts';
import speakerList from './speaker-list.ts';
import speakerEdit from './speaker-edit.ts';
import speakerRemove from './speaker-remove.ts';
import priorityAdd from './priority-add.ts';
import priorityEdit from './priority-edit.ts';
import priorityWithdraw from './priority-withdraw.ts';
import priorityPost from './priority-post.ts';
import menu from './menu.ts';
import react from './react.ts';
import iam from './iam.ts';
import lang from './lang.ts';
import forgetme from './forgetme.ts';
import summary from './summary.ts';
import digest from './digest.ts';
import screen from './screen.ts';
import help from './help.ts';

export const commands: readonly Command[] = [
  sessionStart, sessionJoin, sessionStatus, sessionClose, sessionReopen, sessionDelete,
  speakerAdd, speakerEdit, speakerRemove, speakerList,
  priorityAdd, priorityEdit, priorityWithdraw, priorityPost,
  menu, react, iam, lang, forgetme, summary, digest, screen, help,
] as unknown as readonly Command[];

export interface TopLevelCommand {
  name: string;
  subcommands: Command[];
  command?: Command;
}

let grouped: TopLevelCommand[] | undefined;

/** Top-level slash commands (`session`, `react`…) with their subcommands, in registry order (built once). */
export function topLevel(): TopLevelCommand[] {
  return (grouped ??= groupCommands());
}

function groupCommands(): TopLevelCommand[] {
  const groups = new Map<string, TopLevelCommand>();
  for (const command of commands) {
    const [top, sub] = command.name.split(' ');
    const group = groups.get(top) ?? { name: top, subcommands: [] };
    if (sub) group.subcommands.push(command);
    else group.command = command;
    groups.set(top, group);
  }
  return [...groups.values()];
}

export const findCommand = (name: string) => commands.find((c) => c.name === name);
