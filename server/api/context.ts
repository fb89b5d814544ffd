import "server-only";
import { auth } from "../auth/auth";
import { db } from "../db/client";
import { env } from "../env";
import type { Services } from "../recordings/services";
import { storage } from "../storage";

export interface SessionUser {
  id: string;
  role: "student" | "coach";
}

export function servicesFromEnv(): Services {
  return {
    db,
    storage,
    settings: {
      maxUploadBytes: env.MAX_UPLOAD_BYTES,
      quotaBytes: env.USER_QUOTA_BYTES,
      uploadUrlTtlSeconds: env.UPLOAD_URL_TTL_SECONDS,
      playbackUrlTtlSeconds: env.PLAYBACK_URL_TTL_SECONDS,
      uploadsEnabled: env.AUDIO_UPLOADS_ENABLED,
    },
    now: () => new Date(),
  };
}

/** A context with no request behind it: what tests, scripts and server components use. */
export function createInnerContext(options: { user: SessionUser | null; services?: Services }) {
  return { user: options.user, services: options.services ?? servicesFromEnv() };
}

export type Context = ReturnType<typeof createInnerContext>;

/** The context of an HTTP request to /api/trpc: the signed-in user comes from the session cookie. */
export async function createRequestContext({ headers }: { headers: Headers }): Promise<Context> {
  const session = await auth.api.getSession({ headers });
  const user = session
    ? { id: session.user.id, role: session.user.role === "coach" ? "coach" : "student" } as const
    : null;
  return createInnerContext({ user });
}
