// Business modules speak in these; the API layer maps them to tRPC codes. Messages are written
// for the person using the app: they are shown as they are.
import "server-only";
export type AppErrorCode =
  | "BAD_REQUEST"
  | "NOT_FOUND"
  | "FORBIDDEN"
  | "PRECONDITION_FAILED"
  | "TOO_MANY_REQUESTS"
  | "SERVICE_UNAVAILABLE";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "AppError";
  }
}

export const notFound = (what = "Recording") => new AppError("NOT_FOUND", `${what} not found.`);
