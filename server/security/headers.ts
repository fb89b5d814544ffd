// The security headers of every page and API response.

import "server-only";

/**
 * The origins the browser talks to for audio: where it POSTs uploads and streams playback (the
 * CDN's, when playback goes through one).
 */
export function storageOrigins(config: { bucket: string; region: string; endpoint?: string; cdnUrl?: string }) {
  const cdn = config.cdnUrl ? [new URL(config.cdnUrl).origin] : [];
  if (config.endpoint) return [new URL(config.endpoint).origin, ...cdn];
  return [
    ...cdn,
    `https://${config.bucket}.s3.${config.region}.amazonaws.com`,
    `https://${config.bucket}.s3.amazonaws.com`,
    `https://s3.${config.region}.amazonaws.com`,
  ];
}

export function securityHeaders(options: { storageOrigins: string[]; development: boolean }) {
  const storage = options.storageOrigins.join(" ");
  const csp = [
    "default-src 'self'",
    // Next.js inlines its bootstrap scripts; dev mode also evaluates code for fast refresh.
    `script-src 'self' 'unsafe-inline'${options.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `media-src 'self' blob: ${storage}`,
    `connect-src 'self' ${storage}${options.development ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  return {
    "Content-Security-Policy": csp,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), geolocation=(), microphone=(self)",
  };
}
