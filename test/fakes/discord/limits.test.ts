// Each documented Discord limit, one past the edge, gets Discord's own answer; at the edge it passes.
import { describe, expect, it } from 'vitest';
import { checkAutocompleteLimits, checkCommandLimits, checkMessageLimits, checkModalLimits, FormBodyError } from './limits.ts';

const refusal = (check: () => void) => {
  try {
    check();
  } catch (error) {
    if (error instanceof FormBodyError) return JSON.stringify(error.errors);
    throw error;
  }
  return null;
};
const x = (n: number, ch = 'a') => ch.repeat(n);
const button = (label: string, id = 'b') => ({ type: 2, style: 1, label, custom_id: id });
const row = (n: number, label = 'ok') => ({ type: 1, components: Array.from({ length: n }, (_, i) => button(label, `b${i}`)) });
const textInput = { type: 4, custom_id: 'q', style: 2 };

describe('Discord limits in the fake', () => {
  const cases: Array<[string, () => void, () => void, string]> = [
    ['content 2000', () => checkMessageLimits({ content: x(2000, '字') }), () => checkMessageLimits({ content: x(2001) }), 'content'],
    ['10 embeds', () => checkMessageLimits({ embeds: Array(10).fill({ title: 't' }) }), () => checkMessageLimits({ embeds: Array(11).fill({ title: 't' }) }), 'embeds'],
    ['embed title 256', () => checkMessageLimits({ embeds: [{ title: x(256) }] }), () => checkMessageLimits({ embeds: [{ title: x(257) }] }), 'title'],
    ['description 4096', () => checkMessageLimits({ embeds: [{ description: x(4096) }] }), () => checkMessageLimits({ embeds: [{ description: x(4097) }] }), 'description'],
    ['25 fields', () => checkMessageLimits({ embeds: [{ fields: Array(25).fill({ name: 'n', value: 'v' }) }] }), () => checkMessageLimits({ embeds: [{ fields: Array(26).fill({ name: 'n', value: 'v' }) }] }), 'fields'],
    ['field value 1024', () => checkMessageLimits({ embeds: [{ fields: [{ name: 'n', value: x(1024) }] }] }), () => checkMessageLimits({ embeds: [{ fields: [{ name: 'n', value: x(1025) }] }] }), 'value'],
    ['field name 256', () => checkMessageLimits({ embeds: [{ fields: [{ name: x(256), value: 'v' }] }] }), () => checkMessageLimits({ embeds: [{ fields: [{ name: x(257), value: 'v' }] }] }), 'name'],
    ['footer 2048', () => checkMessageLimits({ embeds: [{ footer: { text: x(2048) } }] }), () => checkMessageLimits({ embeds: [{ footer: { text: x(2049) } }] }), 'footer'],
    ['6000 across embeds', () => checkMessageLimits({ embeds: [{ description: x(3000) }, { description: x(3000) }] }), () => checkMessageLimits({ embeds: [{ description: x(3000) }, { description: x(3001) }] }), 'MAX_EMBED_SIZE_EXCEEDED'],
    ['5 action rows', () => checkMessageLimits({ components: Array(5).fill(row(1)) }), () => checkMessageLimits({ components: Array(6).fill(row(1)) }), 'components'],
    ['5 buttons a row', () => checkMessageLimits({ components: [row(5)] }), () => checkMessageLimits({ components: [row(6)] }), 'components'],
    ['button label 80', () => checkMessageLimits({ components: [row(1, x(80))] }), () => checkMessageLimits({ components: [row(1, x(81))] }), 'label'],
    ['custom_id 100', () => checkMessageLimits({ components: [{ type: 1, components: [button('b', x(100))] }] }), () => checkMessageLimits({ components: [{ type: 1, components: [button('b', x(101))] }] }), 'custom_id'],
    ['modal title 45', () => checkModalLimits({ custom_id: 'm', title: x(45), components: [{ type: 18, label: 'l', component: textInput }] }), () => checkModalLimits({ custom_id: 'm', title: x(46), components: [{ type: 18, label: 'l', component: textInput }] }), 'title'],
    ['label 45', () => checkModalLimits({ custom_id: 'm', title: 't', components: [{ type: 18, label: x(45), component: textInput }] }), () => checkModalLimits({ custom_id: 'm', title: 't', components: [{ type: 18, label: x(46), component: textInput }] }), 'label'],
    ['row text-input label 45', () => checkModalLimits({ custom_id: 'm', title: 't', components: [{ type: 1, components: [{ ...textInput, label: x(45) }] }] }), () => checkModalLimits({ custom_id: 'm', title: 't', components: [{ type: 1, components: [{ ...textInput, label: x(46) }] }] }), 'label'],
    ['25 choices', () => checkAutocompleteLimits({ choices: Array(25).fill({ name: 'n', value: 'v' }) }), () => checkAutocompleteLimits({ choices: Array(26).fill({ name: 'n', value: 'v' }) }), 'choices'],
    ['choice name 1–100', () => checkAutocompleteLimits({ choices: [{ name: x(100), value: 'v' }] }), () => checkAutocompleteLimits({ choices: [{ name: '', value: 'v' }] }), 'name'],
    ['command name', () => checkCommandLimits([{ name: 'session', description: 'd' }]), () => checkCommandLimits([{ name: 'Session', description: 'd' }]), 'APPLICATION_COMMAND_INVALID_NAME'],
    ['command description 100', () => checkCommandLimits([{ name: 'a', description: x(100) }]), () => checkCommandLimits([{ name: 'a', description: x(101) }]), 'description'],
  ];
  it.each(cases)('%s: at the limit passes, one past is refused', (_name, atLimit, past, field) => {
    expect(refusal(atLimit)).toBeNull();
    expect(refusal(past)).toContain(field);
  });
});
