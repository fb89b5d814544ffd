import "server-only";
import { db } from "../db/client";
import { clientAddressOf, recordAudit } from "./audit";

const SIGN_IN_PATH = "/api/auth/sign-in/email";

async function emailOf(request: Request) {
  try {
    const body = (await request.json()) as { email?: unknown };
    return typeof body.email === "string" ? body.email.trim().toLowerCase().slice(0, 254) : null;
  } catch {
    return null;
  }
}

/**
 * Audits what better-auth answered: a refused sign-in (naming the account tried, when it exists)
 * and any request its rate limiter turned away. `copy` is a clone of the request, unread.
 */
export async function auditAuthResponse(copy: Request, response: Response) {
  const path = new URL(copy.url).pathname;
  const clientAddress = clientAddressOf(copy.headers);
  if (response.status === 429) {
    await recordAudit(db, { event: "rate_limit.refused", clientAddress, detail: { action: path } });
    return;
  }
  if (path !== SIGN_IN_PATH || response.status < 400 || response.status >= 500) return;
  const email = await emailOf(copy);
  const user = email ? await db.user.findUnique({ where: { email }, select: { id: true } }) : null;
  await recordAudit(db, {
    event: "auth.sign_in_failed",
    subjectUserId: user?.id ?? null,
    clientAddress,
    detail: { email },
  });
}
