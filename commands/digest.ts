import * as z from 'zod';
import { defineCommand } from './command.ts';
import { text, flag, FIXED_CHOICES, optionProblem } from './options.ts';
import { notice, type View } from '../src/views.ts';
import { say } from '../src/wording/say.ts';
import { isCalendarDate } from '../src/time.ts';
import { withheldDigest } from '../src/hidden-results.ts';
import { digestFileName, formatDigest } from '../src/digest-format.ts';

/** `2026-12-1` is read as 2026-12-01. */
const padDate = (d: string) => d.replace(/^(\d{4})-(\d{1,2})-(\d{1,2})$/, (_, y, m, day) => `${y}-${m.padStart(2, '0')}-${day.padStart(2, '0')}`);

export default defineCommand({
  name: 'digest',
  description: "The conference day's digest (format: attach md, json or csv; post: in this channel)",
  role: 'organiser',
  options: {
    date: text('The day, YYYY-MM-DD (default: today in the conference time zone)', {
      limit: 'date', bare: /^\d{4}-\d{1,2}-\d{1,2}$/, placeholder: 'YYYY-MM-DD',
      rule: z.string().trim().transform(padDate).refine(isCalendarDate, optionProblem('day')).optional(),
    }),
    post: flag('Post it in this channel'),
    format: text('Attach a file: md, json or csv', {
      choices: 'format', bare: /^(md|json|csv|markdown)$/i,
      rule: z.string().trim().toLowerCase().transform((f) => (f === 'markdown' ? 'md' : f)).pipe(z.enum(FIXED_CHOICES.format, { error: optionProblem('format') })).optional(),
    }),
  },
  async handler({ core, channel, locale }, { date, post, format }) {
    const day = date ?? core.summaries.today(core.now());
    const full = await core.summaries.digest(day);
    // Posted to a channel, sessions with hidden results that are still open stay hidden.
    const digest = post ? withheldDigest(full) : full;
    const file = format ? { format, name: digestFileName(digest, format), content: formatDigest(digest, format, post ? core.config.conference.language : locale) } : null;
    const view: View = { kind: 'digest', digest, file };
    return post ? { reply: notice(say('done.digest.posting', { day }, locale)), posts: [{ channel, view }] } : { reply: view };
  },
});
