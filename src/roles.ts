/** Who may do what: organiser ⊇ moderator ⊇ participant. */
import type { PlenaryConfig } from './config.ts';
import type { UserId } from './model.ts';

export type Role = 'organiser' | 'moderator' | 'participant';
const ORDER: Record<Role, number> = { participant: 0, moderator: 1, organiser: 2 };

/** `memberRoles` are Discord role ids the member holds; config lists them as `discord-role:<id>`. */
export function roleOf(config: PlenaryConfig, user: UserId, memberRoles: readonly string[] = []): Role {
  if (config.roles.organisers.includes(user)) return 'organiser';
  if (config.roles.moderators.includes(user)) return 'moderator';
  if (memberRoles.some((id) => config.roles.moderators.includes(`discord-role:${id}`))) return 'moderator';
  return 'participant';
}

export const mayAct = (role: Role, needed: Role) => ORDER[role] >= ORDER[needed];
