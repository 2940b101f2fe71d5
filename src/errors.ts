/**
 * A refusal meant for the person who typed the command: one line, saying what to type instead.
 * Anything else thrown is a bug or an outage, and the caller is told to try again.
 */
export class UserError extends Error {
  constructor(message: string) {
    super(message.replace(/\s*\n\s*/g, ' '));
    this.name = 'UserError';
  }
}

export const isUserError = (e: unknown): e is UserError => e instanceof UserError;
