// How an upload to storage reacts to each kind of failure. Network errors and 5xx are worth
// retrying after a pause; an expired policy needs a fresh one; any other 4xx is storage refusing
// the upload, and trying again would only be refused again.
export const RETRY_DELAYS_MS = [0, 1000, 3000, 5000];

export type UploadFailure = { kind: "network" } | { kind: "http"; status: number; body: string };
export type NextStep = "retry" | "new-policy" | "give-up";

function isExpiredPolicy(failure: UploadFailure) {
  return failure.kind === "http" && failure.status === 403 && /expired/i.test(failure.body);
}

export function nextStep(failure: UploadFailure, attempt: number, policyRenewals: number): NextStep {
  if (isExpiredPolicy(failure)) return policyRenewals < 1 ? "new-policy" : "give-up";
  const transient = failure.kind === "network" || failure.status >= 500 || failure.status === 429;
  return transient && attempt < RETRY_DELAYS_MS.length ? "retry" : "give-up";
}

export function failureMessage(failure: UploadFailure): string {
  if (failure.kind === "network") return "The upload kept failing: check your connection and try again.";
  if (isExpiredPolicy(failure)) return "The upload took too long and its permission expired. Try again.";
  if (failure.status >= 500) return "Storage is having trouble right now. Try again in a minute.";
  return `Storage refused the upload (${failure.status}).`;
}
