// Errors that mean "the database cannot be reached right now" rather than a bug: connection
// refused or reset, the server shutting down, Prisma giving up on a connection, or every pooled
// connection staying busy for longer than a caller may wait (heavy load).
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

// "timeout exceeded when trying to connect" is pg's pool: no connection came free in time.
const CONNECTION_MESSAGES =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Can't reach database server|DatabaseNotReachable|ConnectionClosed/i;

// P2028 covers every interactive-transaction failure. Only "could not start in time" (no pooled
// connection came free within maxWait) is about availability; an expired or already closed
// transaction means our own code held or used it wrongly, a bug that must stay a 500.
const TRANSACTION_START_TIMEOUT = /Unable to start a transaction in the given time/;

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const candidate = current as { code?: unknown; message?: unknown; cause?: unknown; kind?: unknown };
    if (typeof candidate.code === "string" && CONNECTION_CODES.has(candidate.code)) return true;
    if (candidate.code === "P2028" && typeof candidate.message === "string" && TRANSACTION_START_TIMEOUT.test(candidate.message)) {
      return true;
    }
    if (typeof candidate.kind === "string" && CONNECTION_MESSAGES.test(candidate.kind)) return true;
    if (typeof candidate.message === "string" && CONNECTION_MESSAGES.test(candidate.message)) return true;
    current = candidate.cause;
  }
  return false;
}
