import { describe, expect, it } from 'vitest';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { english } from '../../src/wording/catalogues.ts';
import { translations } from '../../src/wording/translations.ts';
import { isolate, negotiate, PSEUDO_CLOSE, PSEUDO_OPEN, say } from '../../src/wording/say.ts';

const others = Object.entries(translations).map(([locale, load]) => [locale, load() as Record<string, string>] as const);

/** Every placeholder and tag a message uses, and each plural/selectordinal with the forms it offers. */
function shape(elements: MessageFormatElement[], found = { names: new Set<string>(), plurals: [] as Array<{ ordinal: boolean; forms: string[] }> }) {
  for (const element of elements) {
    if (element.type === TYPE.argument || element.type === TYPE.number || element.type === TYPE.date || element.type === TYPE.time) found.names.add(element.value);
    if (element.type === TYPE.select || element.type === TYPE.plural) {
      found.names.add(element.value);
      if (element.type === TYPE.plural) found.plurals.push({ ordinal: element.pluralType === 'ordinal', forms: Object.keys(element.options) });
      for (const option of Object.values(element.options)) shape(option.value, found);
    }
    if (element.type === TYPE.tag) {
      found.names.add(`<${element.value}>`);
      shape(element.children, found);
    }
  }
  return found;
}

describe('the six catalogues', () => {
  it('has every English key in every language, and no key English lacks', () => {
    for (const [locale, catalogue] of others) {
      expect({ locale, missing: Object.keys(english).filter((id) => !(id in catalogue)) }).toEqual({ locale, missing: [] });
      expect({ locale, extra: Object.keys(catalogue).filter((id) => !(id in english)) }).toEqual({ locale, extra: [] });
    }
  });

  it('uses the same placeholders in every language', () => {
    for (const [locale, catalogue] of others) {
      for (const [id, text] of Object.entries(english)) {
        const want = [...shape(parse(text)).names].sort();
        const got = [...shape(parse(catalogue[id])).names].sort();
        expect({ locale, id, placeholders: got }).toEqual({ locale, id, placeholders: want });
      }
    }
  });

  it('offers every plural form CLDR requires (Arabic six, Russian four)', () => {
    expect(new Intl.PluralRules('ar').resolvedOptions().pluralCategories).toHaveLength(6);
    expect(new Intl.PluralRules('ru').resolvedOptions().pluralCategories).toHaveLength(4);
    for (const [locale, catalogue] of [['en', english as Record<string, string>] as const, ...others]) {
      for (const [id, text] of Object.entries(catalogue)) {
        for (const plural of shape(parse(text)).plurals) {
          const required = new Intl.PluralRules(locale, { type: plural.ordinal ? 'ordinal' : 'cardinal' }).resolvedOptions().pluralCategories;
          const missing = required.filter((form) => !plural.forms.includes(form));
          expect({ locale, id, missing }).toEqual({ locale, id, missing: [] });
        }
      }
    }
  });

  it('is translated: a message that reads exactly like English is rare (names and codes only)', () => {
    for (const [locale, catalogue] of others) {
      const same = Object.entries(english).filter(([id, text]) => catalogue[id] === text && /[a-z]{4,} [a-z]{4,}/i.test(text));
      expect({ locale, same: same.map(([id]) => id) }).toEqual({ locale, same: [] });
    }
  });
});

describe('say', () => {
  it('speaks each language with its own plural rules and falls back to nothing English for a known key', () => {
    expect(say('lang.set', { language: say('language.fr', {}, 'fr') }, 'fr')).toBe('Vos réponses privées sont désormais en français, sur toutes les plateformes.');
    expect(say('group.civil-society', {}, 'zh')).toBe('民间社会');
    expect(say('group.civil-society', {}, 'ar')).toBe('المجتمع المدني');
  });

  it('isolates user text inside Arabic sentences with FSI…PDI, leaving the text itself intact', () => {
    const text = say('refusal.lang.unknown', { given: 'klingon' }, 'ar');
    expect(text).toContain(isolate('klingon'));
    expect(isolate('P3 ok')).toBe('\u2068P3 ok\u2069');
    expect(say('refusal.lang.unknown', { given: 'klingon' }, 'en')).not.toContain('\u2068');
  });

  it('pseudo-localises every message: bracketed and accented, placeholders untouched', () => {
    const text = say('refusal.lang.unknown', { given: 'klingon' }, 'pseudo');
    expect(text.startsWith(PSEUDO_OPEN) && text.endsWith(PSEUDO_CLOSE)).toBe(true);
    expect(text).toContain('klingon');
    expect(text).not.toContain('choose');
    expect(text).toContain('çhõõsé');
  });

  it('negotiates platform locales down to a catalogue, else the conference language', () => {
    expect(negotiate('zh-CN', 'en')).toBe('zh');
    expect(negotiate('zh-TW', 'en')).toBe('zh');
    expect(negotiate('es-ES', 'en')).toBe('es');
    expect(negotiate('es-419', 'en')).toBe('es');
    expect(negotiate('fr-FR', 'en')).toBe('fr');
    expect(negotiate('en-GB', 'fr')).toBe('en');
    expect(negotiate('pt-BR', 'ru')).toBe('ru');
    expect(negotiate(undefined, 'ar')).toBe('ar');
  });
});
