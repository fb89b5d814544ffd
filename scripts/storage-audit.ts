// `npm run storage:audit`: does every object belong to a recording, and does every ready recording
// have its object? Read-only; exits 1 when something is out of place. Safe in production.
import "./local/load-env";
import { useLocalStack } from "./local/stack";

const stack = await useLocalStack({ appUrl: process.env.APP_URL ?? "http://localhost:3000" });
const [{ auditIsClean, auditStorage }, { servicesFromEnv }] = await Promise.all([
  import("../server/storage/audit"),
  import("../server/services"),
]);
const report = await auditStorage(servicesFromEnv());
await stack.stop();
console.log(`objects under users/: ${report.objects}`);
console.log(`ready recordings: ${report.readyRecordings}`);
console.log(`objects awaiting deletion by the worker: ${report.awaitingDeletion}`);
console.log(`objects without a recording: ${report.objectsWithoutRecording.length}`);
for (const key of report.objectsWithoutRecording) console.log(`  ${key}`);
console.log(`ready recordings without their object: ${report.readyWithoutObject.length}`);
for (const id of report.readyWithoutObject) console.log(`  ${id}`);
console.log(auditIsClean(report) ? "Storage and database agree." : "Storage and database disagree.");
process.exit(auditIsClean(report) ? 0 : 1);
