// `npm run analysis:backfill`: queues an analysis for every READY recording that has none (made
// before analysis existed) or one from an older analyser version. Safe to run again: it queues
// nothing twice. The workers (in the app or `npm run worker`) do the analysing.
import "./local/load-env";
import { ANALYSIS_VERSION } from "../server/analysis/analyze";
import { db } from "../server/db/client";
import { backfillAnalyses } from "../server/jobs/backfill";
import { servicesFromEnv } from "../server/services";

const result = await backfillAnalyses(servicesFromEnv());
console.log(`Queued ${result.queued} recording(s) for analysis version ${ANALYSIS_VERSION}.`);
if (result.withoutAudio > 0) {
  console.log(`${result.withoutAudio} ready recording(s) have no audio stored and cannot be analysed.`);
}
await db.$disconnect();
