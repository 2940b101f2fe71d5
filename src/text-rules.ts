/** Limits on what people type, counted in Unicode code points so Chinese, Arabic and emoji count fairly. */
import { Refusal } from './errors.ts';

export const LIMITS = {
  title: 150,
  theme: 500,
  name: 100,
  organisation: 100,
  priority: 500,
  comment: 500,
  line: 4000,
  // One-word options: their longest sensible value (the core checks their shape).
  handle: 24,
  code: 8,
  sessionId: 12,
  date: 10,
  commandName: 40,
} as const;

export const codePoints = (text: string) => [...text].length;

// C0/C1 controls other than tab and newline, plus the bidi overrides that can disguise text.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

const CONTROLS = new RegExp(CONTROL.source, 'gu');

/** Pasted text often carries tabs (from a spreadsheet or a document): they become plain spaces. */
export const tabsToSpaces = (text: string) => text.replace(/\t/g, ' ');

export function hasControlCharacters(text: string): boolean {
  return CONTROL.test(text);
}

/** Trims and checks a free-text field; `what` names it in the error ("Priority text"). */
export function checkText(text: string, what: string, max: number, { required = true } = {}): string {
  const trimmed = tabsToSpaces(text).trim();
  if (required && trimmed.length === 0) throw new Refusal('refusal.text.missing', { field: what });
  if (hasControlCharacters(trimmed)) throw new Refusal('refusal.text.control', { field: what });
  const length = codePoints(trimmed);
  if (length > max) throw new Refusal('refusal.text.too-long', { field: what, length, max });
  return trimmed;
}

export const HANDLE = /^[a-z0-9][a-z0-9-]{0,23}$/;

export function checkHandle(raw: string): string {
  const handle = raw.trim().toLowerCase();
  if (!HANDLE.test(handle)) {
    throw new Refusal('refusal.handle.invalid', { raw: clip(raw) });
  }
  return handle;
}

/** Shortens user text quoted back in an error so the error stays one short line. */
export function clip(text: string, max = 40): string {
  const oneLine = text.replace(/[\r\n\t\u2028\u2029]+/g, ' ').replace(CONTROLS, '?');
  const points = [...oneLine];
  return points.length > max ? `${points.slice(0, max - 1).join('')}…` : oneLine;
}

export function parseCode(raw: string): number {
  const match = /^p?(\d{1,6})$/i.exec(raw.trim());
  if (!match || Number(match[1]) < 1) throw new Refusal('refusal.code.invalid', { raw: clip(raw) });
  return Number(match[1]);
}
