/**
 * Key ordering shared by every backend. The contract orders keys by UTF-8 byte order, which is the
 * same as Unicode code-point order and what SQLite's BINARY collation uses. JavaScript's `<` compares
 * UTF-16 code units instead, which disagrees for astral characters (emoji) vs U+E000..U+FFFF, so the
 * memory and Redis backends must sort with `compareKeys`, never with the default sort.
 */

/** Negative, zero or positive like `Buffer.compare(utf8(a), utf8(b))`, without allocating. */
export function compareKeys(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // A surrogate starts an astral code point (>= U+10000), greater than any BMP character.
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

const MAX_CODE_POINT = 0x10ffff;

/**
 * The smallest string greater than every string that starts with `prefix`, in code-point order, or
 * undefined when no such bound exists (empty prefix, or one made only of U+10FFFF). Used as the
 * exclusive upper bound of a range scan: `key >= prefix AND key < successor`.
 */
export function prefixSuccessor(prefix: string): string | undefined {
  const points = Array.from(prefix, (ch) => ch.codePointAt(0) as number);
  while (points.length > 0) {
    const last = points.pop() as number;
    if (last < MAX_CODE_POINT) {
      // Surrogate code points are not characters; SQLite would store them as U+FFFD. Skip over them.
      const next = last + 1 === 0xd800 ? 0xe000 : last + 1;
      points.push(next);
      return String.fromCodePoint(...points);
    }
    // U+10FFFF cannot be incremented: carry into the previous character.
  }
  return undefined;
}


/** The keys starting with `prefix`: from the prefix itself up to (not including) its successor. */
export const prefixRange = (prefix: string): [string, string | undefined] => [prefix, prefixSuccessor(prefix)];
