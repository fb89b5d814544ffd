import { URL_SAFETY_MARGIN_MS } from "./duration";

/** What `recording.playbackUrl` answers, as far as the player cares. */
interface IssuedUrl {
  url: string;
  expiresInSeconds: number;
}

export interface PlaybackSource {
  /** The current URL while it is good for a while yet, else a new one. */
  usable: () => Promise<string>;
  /** A new URL, whatever the state of the current one. */
  fresh: () => Promise<string>;
  /** Whether there is a URL that is due for replacement. */
  hasExpired: () => boolean;
  /** Milliseconds until the current URL should be replaced (null: no URL yet). */
  msUntilRefresh: () => number | null;
}

/**
 * Short-lived playback URLs for one recording, fetched only when needed. A URL's lifetime is
 * counted on this device's clock from the moment it was asked for, never compared with the
 * server's expiry time: a phone whose clock is off by more than the lifetime would otherwise
 * renew without end, or never.
 */
export function createPlaybackSource(issue: () => Promise<IssuedUrl>, now: () => number = Date.now): PlaybackSource {
  let current: { url: string; refreshAt: number } | null = null;

  const fresh = async () => {
    const askedAt = now();
    const issued = await issue();
    current = { url: issued.url, refreshAt: askedAt + issued.expiresInSeconds * 1000 - URL_SAFETY_MARGIN_MS };
    return issued.url;
  };
  const msUntilRefresh = () => (current ? current.refreshAt - now() : null);

  return {
    fresh,
    msUntilRefresh,
    usable: async () => (current && now() < current.refreshAt ? current.url : fresh()),
    hasExpired: () => (msUntilRefresh() ?? 1) <= 0,
  };
}
