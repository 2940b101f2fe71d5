/** Every word the screen writes, in the six UN languages. Participants' own text is never translated. */
import { directionOf, LOCALES, say, type MessageId } from '../../src/wording/say.ts';

export const SCREEN_LANGUAGES = LOCALES;
export type ScreenLanguage = (typeof SCREEN_LANGUAGES)[number];

export interface ScreenWords {
  live: string;
  closed: string;
  finalSummary: string;
  theme: string;
  menu: string;
  support: string;
  neutral: string;
  oppose: string;
  reactors: string;
  participants: string;
  consensus: string;
  divisive: string;
  bridging: string;
  byGroup: string;
  comments: string;
  noProposals: string;
  noComments: string;
  hidden: string;
  reconnecting: string;
  connected: string;
  dayTitle: string;
  downloads: string;
  sessions: string;
  notFound: string;
}

const WORD_IDS = {
  live: 'screen.live',
  closed: 'screen.closed',
  finalSummary: 'screen.finalSummary',
  theme: 'screen.theme',
  menu: 'screen.menu',
  support: 'screen.support',
  neutral: 'screen.neutral',
  oppose: 'screen.oppose',
  reactors: 'screen.reactors',
  participants: 'screen.participants',
  consensus: 'screen.consensus',
  divisive: 'screen.divisive',
  bridging: 'screen.bridging',
  byGroup: 'screen.byGroup',
  comments: 'screen.comments',
  noProposals: 'screen.noProposals',
  noComments: 'screen.noComments',
  hidden: 'screen.hidden',
  reconnecting: 'screen.reconnecting',
  connected: 'screen.connected',
  dayTitle: 'screen.dayTitle',
  downloads: 'screen.downloads',
  sessions: 'screen.sessions',
  notFound: 'screen.notFound',
} as const satisfies Record<keyof ScreenWords, MessageId>;

/** The screen's words come from the catalogue (src/wording/<locale>/languages.ts, `screen.*`). */
function wordsOf(language: ScreenLanguage): ScreenWords {
  return Object.fromEntries(Object.entries(WORD_IDS).map(([word, id]) => [word, say(id, {}, language)])) as unknown as ScreenWords;
}
const WORDS = new Map<ScreenLanguage, ScreenWords>();

/** The conference language (config `conference.language`, read defensively: older configs lack it). */
export function screenLanguage(conference: unknown): ScreenLanguage {
  const language = (conference as { language?: unknown } | undefined)?.language;
  return SCREEN_LANGUAGES.includes(language as ScreenLanguage) ? (language as ScreenLanguage) : 'en';
}

export function wordsFor(language: ScreenLanguage): ScreenWords {
  let words = WORDS.get(language);
  if (!words) WORDS.set(language, (words = wordsOf(language)));
  return words;
}
export { directionOf };
