import { say, type Locale, type MessageId } from './wording/say.ts';

/** The identifiers of refusals: every one has its wording in src/wording/en/refusals.ts. */
export type RefusalId = Extract<MessageId, `refusal.${string}`>;
export type RefusalParams = Record<string, string | number>;

// Every line break, Unicode's U+2028/U+2029/NEL included: a refusal is always one line.
const oneLine = (text: string) => text.replace(/\s*[\n\r\v\f\u0085\u2028\u2029]\s*/g, ' ');

/** An error worded from the catalogue: its message is the English line, `textIn` words it in any language. */
abstract class WordedError<Id extends MessageId> extends Error {
  constructor(
    readonly id: Id,
    readonly params: RefusalParams = {},
  ) {
    super(oneLine(say(id, params)));
  }

  textIn(locale: Locale = 'en'): string {
    return locale === 'en' ? this.message : oneLine(say(this.id, this.params, locale));
  }
}

/**
 * A refusal meant for the person who acted: an identifier and parameters, worded in the caller's
 * language only when shown (`textIn`). Anything else thrown is a bug or an outage.
 */
export class Refusal extends WordedError<RefusalId> {
  override name = 'Refusal';
}

export const isRefusal = (e: unknown): e is Refusal => e instanceof Refusal;

/** The identifiers of the operator's lines (src/wording/en/cli.ts). */
export type OperatorLineId = Extract<MessageId, `cli.${string}`>;

/**
 * A start-up problem the operator fixes (a bad token, an unusable store): printed as one line that
 * names the variable to change, then exit code 1, without a stack. Worded in the operator's language
 * only when shown (`textIn`); variable names, URLs and paths are parameters, verbatim in every language.
 */
export class StartupError extends WordedError<OperatorLineId> {
  override name = 'StartupError';
}
