/**
 * One declaration per option. Each builder gives the option's spec (parser, help, Slack, Discord), its
 * zod rule (what `execute` validates) and its piece of the usage line, so none of them is typed twice.
 * Length limits come from LIMITS, the same numbers the core checks.
 */
import * as z from 'zod';
import { LIMITS } from '../src/text-rules.ts';
import type { OptionSpec } from './command.ts';

/** The fixed choices an option may offer (Discord shows them; the usage line lists them). */
export const FIXED_CHOICES = {
  stance: ['support', 'neutral', 'oppose', 'clear'],
  format: ['md', 'json', 'csv'],
  results: ['live', 'hidden'],
} as const;

/** An option as a command declares it; `name` and `key` are filled in by `defineCommand`. */
export interface OptionDeclaration<R extends z.ZodType = z.ZodType> {
  spec: Omit<OptionSpec, 'name' | 'key'>;
  /** The zod rule, given the option's name (a flag also accepts its own bare word). */
  rule(name: string): R;
  /** The usage piece, given the option's name: `<title…>`, `[theme:"…"]`, `[post]`. */
  usage(name: string): string;
}

type Limit = keyof typeof LIMITS;

interface TextSettings {
  /** Named in "… is missing" (`Speaker handle`). */
  label?: string;
  required?: boolean;
  positional?: boolean;
  /** Free text of several words (shown `<title…>`); otherwise one word (`<handle>`). */
  words?: boolean;
  limit?: Limit;
  choices?: OptionSpec['choices'];
  autocomplete?: OptionSpec['autocomplete'];
  bare?: RegExp;
  /** What stands for the value in the usage line when the name does not say it (`handle|all`, `YYYY-MM-DD`). */
  placeholder?: string;
}

/**
 * zod's messages are catalogue ids (`refusal.option.missing|<label>`), worded in the caller's language by
 * commands/execute.ts; the label is the option's name in the caller's words ("Speaker handle").
 */
export const optionProblem = (id: 'missing' | 'not-text' | 'day' | 'format' | 'results', label = '') => `refusal.option.${id}|${label}`;
const requiredText = (what: string) =>
  z.string({ error: (issue) => optionProblem(issue.input === undefined ? 'missing' : 'not-text', what) }).trim().min(1, optionProblem('missing', what));

function valuePlaceholder(name: string, settings: TextSettings): string {
  if (settings.placeholder) return settings.placeholder;
  const choices = settings.choices;
  if (choices && choices !== 'group' && !settings.positional) return FIXED_CHOICES[choices].join('|');
  if (choices === 'group' && !settings.positional) return '<group>';
  return settings.positional ? name : settings.words ? '"…"' : `<${name}>`;
}

/** A text option: trimmed text, required or not, unless it brings a rule of its own (choices, dates). */
export function text<R extends z.ZodType>(description: string, settings: TextSettings & { rule: R }): OptionDeclaration<R>;
export function text(description: string, settings: TextSettings & { required: true }): OptionDeclaration<z.ZodType<string>>;
export function text(description: string, settings?: TextSettings): OptionDeclaration<z.ZodType<string | undefined>>;
export function text(description: string, settings: TextSettings & { rule?: z.ZodType } = {}): OptionDeclaration {
  const { label, required, positional, limit, choices, autocomplete, bare } = settings;
  const rule = settings.rule ?? (required ? requiredText(label ?? description) : z.string().trim().optional());
  return {
    spec: {
      description, type: 'text',
      ...(positional ? { positional } : {}),
      ...(required ? { required } : {}),
      ...(choices ? { choices } : {}),
      ...(autocomplete ? { autocomplete } : {}),
      ...(limit ? { maxLength: LIMITS[limit] } : {}),
      ...(bare ? { bare } : {}),
    },
    rule: () => rule,
    usage(name) {
      const value = valuePlaceholder(name, settings);
      const shown = positional ? `${value}${settings.words ? '…' : ''}` : `${name}:${value}`;
      return required ? `<${shown}>` : `[${shown}]`;
    },
  };
}

/** A yes/no option, written as its bare word in text (`post`, `confirm`). */
export function flag(description: string): OptionDeclaration<z.ZodOptional<z.ZodType<boolean>>> {
  return {
    spec: { description, type: 'flag' },
    rule: (name) => z.union([z.boolean(), z.literal(name).transform(() => true)]).optional(),
    usage: (name) => `[${name}]`,
  };
}
