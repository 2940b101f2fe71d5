/** No adapter writes to the core itself: every act goes through commands/dispatch.ts (issue 11, point 1). */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

// The core's writes an act can cause; reads (proposalForMessage, sessionInChannel) and delivery stay.
const WRITES = ['react', 'emoji', 'comment', 'firstDelivery', 'addPriority', 'editPriority', 'withdrawPriority', 'startSession', 'closeSession', 'addSpeaker', 'removeSpeaker', 'declareGroup', 'forget'];
const CALL = new RegExp(`\\bcore\\s*\\.\\s*(${WRITES.join('|')})\\w*\\s*\\(`, 'g');

describe('one inbound path', () => {
  it('no file in adapters/ calls a core write directly', () => {
    const files = ['slack', 'discord', 'console'].flatMap((face) => sources(join('adapters', face)));
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(CALL)].map((m) => `${file}: core.${m[1]}(`),
    );
    expect(offenders).toEqual([]);
  });

  it('the scan would catch one', () => {
    expect('await this.core.emoji(user, sid, n, e, true)'.match(CALL)).not.toBeNull();
    expect('await deps.core.react(u, s, 1, "support")'.match(CALL)).not.toBeNull();
  });

  it('the Slack and Discord handlers use the platforms’ own types: no `as never`, no `any`', () => {
    const files = ['adapters/slack/handlers.ts', 'adapters/slack/start.ts', 'adapters/discord/interactions.ts', 'adapters/discord/reactions.ts', 'adapters/discord/start.ts', 'adapters/discord/transient.ts'];
    const loose = files.flatMap((file) =>
      readFileSync(file, 'utf8').split('\n').flatMap((line, i) =>
        /\bas never\b|:\s*any\s*[;,)=\]]|<any>|\bas any\b/.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [],
      ),
    );
    expect(loose).toEqual([]);
  });
});
