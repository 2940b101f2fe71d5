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

/**
 * A start-up problem the operator fixes (a bad token, an unusable store): printed as one line that
 * names the variable to change, then exit code 1, without a stack.
 */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}
