import "server-only";
import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { createInnerContext, sessionUser } from "@/server/api/context";
import { createCaller } from "@/server/api/root";
import { requireSession } from "../_auth/session";

/** A tRPC caller for server components, as the signed-in user. */
export async function serverCaller() {
  const session = await requireSession();
  return createCaller(createInnerContext({ user: sessionUser(session.user) }));
}

/** Runs a query, turning NOT_FOUND into the not-found page. */
export async function orNotFound<T>(query: Promise<T>): Promise<T> {
  try {
    return await query;
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
