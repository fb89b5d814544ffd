import "server-only";
import type { Prisma } from "../generated/prisma/client";

/**
 * Each user's stored bytes (the sizes of their PENDING and READY recordings, what the quota
 * counts) live in `user_storage_usage`, so checking the quota reads one row instead of summing
 * every recording. Every change to those bytes goes through here, inside the transaction that
 * makes it: a recording reserved, failed, expired, cancelled, deleted, or (later) resized.
 */
type Tx = Prisma.TransactionClient;

/** Adds `deltaBytes` (negative to release) to the user's stored bytes. */
export async function adjustUsage(tx: Tx, userId: string, deltaBytes: number) {
  if (deltaBytes === 0) return;
  await tx.$executeRaw`
    insert into user_storage_usage ("userId", bytes) values (${userId}, ${deltaBytes})
    on conflict ("userId") do update set bytes = user_storage_usage.bytes + excluded.bytes`;
}

/**
 * Reserves `bytes` for a new upload if they fit in `quotaBytes`, and in any case locks the user's
 * row until the transaction ends, so a user's uploads are checked one at a time. Returns the bytes
 * in use before the reservation and whether it was made.
 */
export async function reserveUsage(tx: Tx, userId: string, bytes: number, quotaBytes: number) {
  // A row that exists is updated only when the bytes fit; either way PostgreSQL locks it.
  const [row] = await tx.$queryRaw<{ bytes: bigint }[]>`
    insert into user_storage_usage as usage ("userId", bytes) values (${userId}, ${bytes})
    on conflict ("userId") do update set bytes = usage.bytes + excluded.bytes
      where usage.bytes + excluded.bytes <= ${quotaBytes}
    returning bytes`;
  if (row && (row.bytes <= BigInt(quotaBytes))) return { reserved: true, bytesUsed: Number(row.bytes) - bytes };
  const current = await usedBytes(tx, userId);
  return { reserved: false, bytesUsed: current };
}

export async function usedBytes(db: Pick<Tx, "userStorageUsage">, userId: string) {
  const row = await db.userStorageUsage.findUnique({ where: { userId }, select: { bytes: true } });
  return Number(row?.bytes ?? 0);
}
