import { env } from "@/server/env";
import { metricsResponse } from "@/server/metrics/exposition";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return metricsResponse(request, env.METRICS_TOKEN);
}
