import "server-only";
/**
 * The signing window a playback URL belongs to. Every URL for an object signed during one window
 * carries the window's start as its signing time and the same expiry, so it is byte-for-byte the
 * same URL and the browser (or a CDN) can serve a second play from its cache. The expiry is the
 * window's end plus the TTL, so a URL handed out at any moment still has at least the TTL left.
 */
export interface PlaybackWindow {
  signedAt: Date;
  expiresAt: Date;
  expiresInSeconds: number;
}

export function playbackWindow(now: Date, windowSeconds: number, ttlSeconds: number): PlaybackWindow {
  const windowMs = windowSeconds * 1000;
  const start = Math.floor(now.getTime() / windowMs) * windowMs;
  const expiresInSeconds = windowSeconds + ttlSeconds;
  return { signedAt: new Date(start), expiresAt: new Date(start + expiresInSeconds * 1000), expiresInSeconds };
}
