/**
 * The limit of the Slack HTTP bench: a bare Bolt app (same HTTPReceiver, same signature check) whose
 * `/react` handler only acks. Prints `listening <port>` once serving; stops on SIGTERM.
 *
 *   SLACK_SIGNING_SECRET=… SLACK_BOT_TOKEN=… SLACK_API_URL=… PORT=… node bin/run-ts.js bench/bare-bolt.ts
 */
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';

const receiver = new HTTPReceiver({ signingSecret: process.env.SLACK_SIGNING_SECRET ?? '', endpoints: '/slack/events' });
const app = new App({
  token: process.env.SLACK_BOT_TOKEN,
  receiver,
  logLevel: LogLevel.ERROR,
  clientOptions: { slackApiUrl: (process.env.SLACK_API_URL ?? '').replace(/\/*$/, '/') },
});
app.command('/react', async ({ ack }) => {
  await ack();
});
await app.start(Number(process.env.PORT ?? 0));
console.log(`listening ${process.env.PORT}`);
process.on('SIGTERM', () => void app.stop().then(() => process.exit(0)));
