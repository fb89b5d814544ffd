import "server-only";
import type { S3Client } from "@aws-sdk/client-s3";
import { metrics } from "./metrics";

function outcomeOf(error: unknown) {
  const status = (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
  return status === 404 ? "not_found" : "error";
}

/**
 * Counts and times every request the client sends to S3, by command (HeadObject, GetObject, ...),
 * whatever code path sent it. It sits in the deserialize step, beside the wire: each retry counts
 * as a request, and presigning (which stops before sending) counts as none.
 */
export function instrumentS3Client(client: S3Client) {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const operation = (context.commandName ?? "unknown").replace(/Command$/, "");
      const stopTimer = metrics.s3Duration.startTimer({ operation });
      try {
        const result = await next(args);
        metrics.s3Operations.inc({ operation, outcome: "success" });
        return result;
      } catch (error) {
        metrics.s3Operations.inc({ operation, outcome: outcomeOf(error) });
        throw error;
      } finally {
        stopTimer();
      }
    },
    { step: "deserialize", priority: "high", name: "speechCoachMetrics", override: true },
  );
}
