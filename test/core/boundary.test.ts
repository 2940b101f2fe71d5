import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const IMPORT = /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]([^'"]+)['"]/g;
const importsOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((m) => m[1]);

describe('architecture boundaries', () => {
  it('the core (src/) and the commands import no platform SDK and no adapter', () => {
    const offenders = [...sources('src'), ...sources('commands')].flatMap((file) =>
      importsOf(file)
        .filter((spec) => /^(@slack\/|discord\.js|@discordjs\/)/.test(spec) || /\/adapters\//.test(spec))
        .map((spec) => `${file} imports ${spec}`),
    );
    expect(sources('src').length).toBeGreaterThan(10);
    expect(offenders).toEqual([]);
  });
  it('every source file stays under 400 lines', () => {
    const long = ['src', 'commands', 'adapters', 'cli']
      .flatMap((dir) => sources(dir))
      .filter((file) => readFileSync(file, 'utf8').split('\n').length > 400);
    expect(long).toEqual([]);
  });
});
