/** One repetition of the Slack `/react` load (bench/slack-http.ts) on this commit: `node bin/run-ts.js bench/screen-react.ts`. */
import { slackHttpRep } from './slack-http.ts';
import { tempDir } from './measure.ts';

const scratch = tempDir('screen-react');
try {
  const r = await slackHttpRep(scratch.dir, 0, 10);
  console.log(JSON.stringify({ plenary: r.plenary, bare: r.bare, ratio: r.plenary.rps / r.bare.rps, p99Ratio: r.plenary.p99 / r.bare.p99 }, null, 2));
} finally {
  scratch.remove();
}
