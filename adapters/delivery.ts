/**
 * Routes posts to the platform that owns each channel (`slack:C1`, `discord:99`), so a command given on
 * Slack posts to every bound channel on Discord too. One process, one core, one store, one Delivery.
 */
import type { Post, View } from '../src/views.ts';
import type { Log } from '../src/log.ts';

export interface PlatformPoster {
  platform: 'slack' | 'discord' | 'console';
  /** Posts one view to one channel (the id after `platform:`); resolves once it is delivered or queued durably in order. */
  post(channelId: string, view: View): Promise<void>;
}

export class Delivery {
  private readonly posters = new Map<string, PlatformPoster>();

  constructor(private readonly log: Log = () => {}) {}

  register(poster: PlatformPoster): void {
    this.posters.set(poster.platform, poster);
  }

  /** Delivers posts in order; a channel on a platform this process does not run is logged, not fatal. */
  async deliver(posts: Post[] | undefined): Promise<void> {
    for (const { channel, view } of posts ?? []) {
      const cut = channel.indexOf(':');
      const platform = channel.slice(0, cut);
      const poster = this.posters.get(platform);
      if (!poster) {
        this.log('warn', `no ${platform} connection in this process; a ${view.kind} post was not delivered there`);
        continue;
      }
      try {
        await poster.post(channel.slice(cut + 1), view);
      } catch (error) {
        this.log('error', `posting a ${view.kind} to ${platform} failed`, error);
      }
    }
  }
}
