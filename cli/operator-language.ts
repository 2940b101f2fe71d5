/**
 * The operator's language: `--lang`, else `conference.language` as written in the config file, else the
 * environment's locale (LC_ALL, LC_MESSAGES, LANG: `fr_FR.UTF-8` → fr), else English. The config is read
 * raw here, so a config that fails its checks is still reported in the language it names.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isLocale, negotiate, type Locale } from '../src/wording/say.ts';

function configuredLanguage(env: NodeJS.ProcessEnv): Locale | undefined {
  const path = env.PLENARY_CONFIG ?? (existsSync('plenary.config.json') ? 'plenary.config.json' : undefined);
  if (!path) return undefined;
  try {
    const raw = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, '')) as { conference?: { language?: unknown } };
    const language = raw?.conference?.language;
    return typeof language === 'string' && isLocale(language) ? language : undefined;
  } catch {
    return undefined; // unreadable or not JSON: loadConfig says so, in the language found below
  }
}

function environmentLanguage(env: NodeJS.ProcessEnv): Locale {
  // POSIX order: LC_ALL overrides LC_MESSAGES, which overrides LANG; an empty one does not count. C/POSIX → English.
  return negotiate(env.LC_ALL || env.LC_MESSAGES || env.LANG, 'en');
}

/** `flag` is a valid `--lang` value or undefined. */
export function resolveOperatorLanguage(flag: Locale | undefined, env: NodeJS.ProcessEnv = process.env): Locale {
  return flag ?? configuredLanguage(env) ?? environmentLanguage(env);
}
