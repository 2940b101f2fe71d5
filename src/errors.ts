/**
 * A refusal meant for the person who typed the command: one line, saying what to type instead.
 * Anything else thrown is a bug or an outage, and the caller is told to try again.
 */
export class UserError extends Error {
  constructor(message: string) {
    // Every line break, Unicode's U+2028/U+2029/NEL included: an error is always one line.
    super(message.replace(/\s*[\n\r\v\f\u0085\u2028\u2029]\s*/g, ' '));
    this.name = 'UserError';
  }
}

export const isUserError = (e: unknown): e is UserError => e instanceof UserError;
