import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { logger } from "../log";

export type LimitedAction = "createUpload" | "confirmUpload" | "playReport";

export interface RateLimits {
  /** Spends one request of the user's budget for the action, or throws TOO_MANY_REQUESTS. */
  consume(action: LimitedAction, userId: string): Promise<void>;
}

const MESSAGES: Record<LimitedAction, string> = {
  createUpload: "You are starting uploads too quickly.",
  confirmUpload: "Too many upload confirmations at once.",
  playReport: "Too many playback reports.",
};

/** Per-user budgets kept in PostgreSQL, so they hold across every app instance. */
export function createRateLimits(db: Db, perMinute: Record<LimitedAction, number>): RateLimits {
  const limiters = Object.fromEntries(
    (Object.keys(perMinute) as LimitedAction[]).map((action) => [
      action,
      new RateLimiterPrisma({
        storeClient: db,
        tableName: "rateLimiterFlexible",
        keyPrefix: action,
        points: perMinute[action],
        duration: 60,
        clearExpiredByTimeout: false,
      }),
    ]),
  ) as Record<LimitedAction, RateLimiterPrisma>;

  return {
    async consume(action, userId) {
      try {
        await limiters[action].consume(userId);
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) {
          const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
          throw new AppError("TOO_MANY_REQUESTS", `${MESSAGES[action]} Please wait ${seconds} s and try again.`);
        }
        // The budget store failing must not lock people out of their recordings.
        logger.warn({ err: rejection, action }, "rate limit check failed; allowing the request");
      }
    },
  };
}

/** Removes budgets whose window has ended. */
export async function clearExpiredRateLimits(db: Db, now: Date) {
  const { count } = await db.rateLimiterFlexible.deleteMany({ where: { expire: { lt: now } } });
  return count;
}
