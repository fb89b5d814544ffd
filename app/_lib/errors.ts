const UNREACHABLE = "Could not reach Speech Coach. Check your connection and try again.";

/**
 * What to tell a person about a failure: the server's own message (tRPC errors carry the clear
 * text the API wrote), a plain sentence for a lost connection, else `fallback`.
 */
export function getErrorMessage(error: unknown, fallback = "Something went wrong. Try again."): string {
  if (!(error instanceof Error) || !error.message) return fallback;
  // What fetch throws when the request never got an answer, in Chromium, Firefox and Safari.
  if (/^(Failed to fetch|NetworkError when attempting to fetch resource\.|Load failed)$/.test(error.message)) return UNREACHABLE;
  return error.message;
}
