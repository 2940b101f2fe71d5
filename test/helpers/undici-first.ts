/**
 * vitest setupFiles: with `isolate: false` one process runs many files, and the first undici loaded sets the
 * process-wide HTTP dispatcher. The top-level undici 7 (loaded with Bolt's Socket Mode client) would then carry
 * discord.js's requests too, and it rejects the FormData discord.js builds for attachments ("action is not a
 * function"). A process running one file never met both; loading discord.js's own undici first, as a Discord-only
 * process would, keeps every file's requests on the dispatcher they get when run alone.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

const require = createRequire(import.meta.url);
require(require.resolve('undici', { paths: [dirname(require.resolve('@discordjs/rest'))] }));
