// Errors that mean "the database cannot be reached right now" rather than a bug: connection
// refused or reset, the server shutting down, or Prisma giving up on a connection.
import "server-only";
const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now
  "P1001",
  "P1002",
  "P1017",
  "P2024",
]);

const CONNECTION_MESSAGES = /Connection terminated|connection timeout|Can't reach database server|DatabaseNotReachable|ConnectionClosed/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const candidate = current as { code?: unknown; message?: unknown; cause?: unknown; kind?: unknown };
    if (typeof candidate.code === "string" && CONNECTION_CODES.has(candidate.code)) return true;
    if (typeof candidate.kind === "string" && CONNECTION_MESSAGES.test(candidate.kind)) return true;
    if (typeof candidate.message === "string" && CONNECTION_MESSAGES.test(candidate.message)) return true;
    current = candidate.cause;
  }
  return false;
}
