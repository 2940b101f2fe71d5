/**
 * The five catalogues besides English. Each is a plain object literal; @formatjs parses a language's
 * messages only when say() first speaks it, so start-up pays for English alone.
 */
import type { MessageId } from './catalogues.ts';
import { catalogue as ar } from './ar/index.ts';
import { catalogue as es } from './es/index.ts';
import { catalogue as fr } from './fr/index.ts';
import { catalogue as ru } from './ru/index.ts';
import { catalogue as zh } from './zh/index.ts';

export const translations: Record<'ar' | 'es' | 'fr' | 'ru' | 'zh', () => Record<MessageId, string>> = {
  ar: () => ar,
  es: () => es,
  fr: () => fr,
  ru: () => ru,
  zh: () => zh,
};
