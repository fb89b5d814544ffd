import "server-only";
import { timingSafeEqual } from "node:crypto";
import { db } from "../db/client";
import { storage } from "../storage";
import { refreshDatabaseGauges } from "./database-gauges";
import { metrics } from "./metrics";

function tokenMatches(header: string | null, token: string) {
  const given = Buffer.from(header?.replace(/^Bearer\s+/i, "") ?? "");
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * GET /api/metrics: Prometheus text format for a scraper holding METRICS_TOKEN. Without a token
 * configured the endpoint does not exist (404), so a deployment exposes nothing by accident.
 */
export async function metricsResponse(request: Request, token: string | undefined) {
  if (!token) return new Response("Not found", { status: 404 });
  if (!tokenMatches(request.headers.get("authorization"), token)) {
    return new Response("Unauthorized", { status: 401, headers: { "WWW-Authenticate": "Bearer" } });
  }
  await refreshDatabaseGauges(db, storage, new Date());
  return new Response(await metrics.registry.metrics(), {
    headers: { "Content-Type": metrics.registry.contentType, "Cache-Control": "no-store" },
  });
}
