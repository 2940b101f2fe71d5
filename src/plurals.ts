/**
 * Counted nouns ("1 reactor", "3 reactors") chosen by Intl.PluralRules, so other languages can add their
 * own categories (Arabic has six, Russian four) by giving forms per category instead of changing callers.
 */
type Category = Intl.LDMLPluralRule;
export type Forms = Partial<Record<Category, string>> & { other: string };

const rules = new Map<string, Intl.PluralRules>();
const rulesFor = (locale: string) => {
  let rule = rules.get(locale);
  if (!rule) rules.set(locale, (rule = new Intl.PluralRules(locale)));
  return rule;
};

/** English forms of the nouns plenary counts; any other noun takes a plain -s. */
const ENGLISH: Record<string, Forms> = {
  reactor: { one: 'reactor', other: 'reactors' },
  reaction: { one: 'reaction', other: 'reactions' },
  participant: { one: 'participant', other: 'participants' },
  session: { one: 'session', other: 'sessions' },
  proposal: { one: 'proposal', other: 'proposals' },
  speaker: { one: 'speaker', other: 'speakers' },
  channel: { one: 'channel', other: 'channels' },
  priority: { one: 'priority', other: 'priorities' },
  comment: { one: 'comment', other: 'comments' },
  card: { one: 'card', other: 'cards' },
};

/** The noun form for `count` in `locale` (English forms unless `forms` are given). */
export function pluralForm(count: number, noun: string, { locale = 'en', forms }: { locale?: string; forms?: Forms } = {}): string {
  const table = forms ?? ENGLISH[noun] ?? { one: noun, other: `${noun}s` };
  const category = rulesFor(locale).select(count);
  return table[category] ?? table.other;
}

/** `1 reactor`, `0 reactors`, `12 sessions`. */
export const plural = (count: number, noun: string, options?: { locale?: string; forms?: Forms }) =>
  `${count} ${pluralForm(count, noun, options)}`;
