import "server-only";
import { betterAuth } from "better-auth";
import { z } from "zod";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { db } from "../db/client";
import { env } from "../env";

export const auth = betterAuth({
  baseURL: env.APP_URL,
  secret: env.BETTER_AUTH_SECRET,
  database: prismaAdapter(db, { provider: "postgresql" }),
  emailAndPassword: { enabled: true, minPasswordLength: 8, maxPasswordLength: 128 },
  // Requests read the session from a signed cookie instead of the database for up to five minutes
  // after it was last checked. Signing out clears that cookie at once; what a coach may see is
  // checked against the database on every request (server/access/policy.ts), so ending a link
  // still ends access at once. A session revoked elsewhere lasts until the cookie's five minutes.
  session: { cookieCache: { enabled: true, maxAge: 5 * 60 } },
  user: {
    additionalFields: {
      role: {
        type: ["student", "coach", "admin"],
        required: false,
        defaultValue: "student",
        // Sign-up may choose student or coach only; admins are granted by `npm run admin:grant`.
        input: true,
        validator: { input: z.enum(["student", "coach"], { message: "Choose student or coach." }) },
      },
    },
  },
  rateLimit: {
    enabled: true,
    storage: "database",
    window: 60,
    max: 100,
    customRules: {
      "/sign-in/email": { window: 60, max: env.SIGN_IN_ATTEMPTS_PER_MINUTE },
      "/sign-up/email": { window: 60, max: env.SIGN_IN_ATTEMPTS_PER_MINUTE },
    },
  },
  advanced: {
    useSecureCookies: env.APP_URL.startsWith("https://"),
    defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
  },
  plugins: [nextCookies()],
});
