// `npm run storage:setup [-- --versioning] [-- --noncurrent-days N]`: configures the bucket for
// production and prints what it changed. Safe to run again and again.
import "./local/load-env";
import { setUpBucket, type StepResult } from "../server/storage/setup";
import { useLocalStack } from "./local/stack";

function print(results: StepResult[]) {
  for (const { step, outcome, detail } of results) {
    console.log(`  ${outcome.padEnd(11)} ${step}${detail ? ` (${detail})` : ""}`);
  }
}

async function run(options: { versioning: boolean; noncurrentVersionExpiryDays: number }) {
  const [{ storage }, { env }] = await Promise.all([import("../server/storage"), import("../server/env")]);
  console.log(`Bucket ${storage.bucket}:`);
  const replication =
    env.S3_REPLICATION_BUCKET && env.S3_REPLICATION_ROLE_ARN
      ? { bucket: env.S3_REPLICATION_BUCKET, roleArn: env.S3_REPLICATION_ROLE_ARN }
      : undefined;
  print(await setUpBucket(storage, { appOrigins: [env.APP_URL], ...options, replication }));
}

/** The launcher runs this against the embedded store. */
export function setUpLocalBucket() {
  return run({ versioning: false, noncurrentVersionExpiryDays: 30 });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const days = args.indexOf("--noncurrent-days");
  const stack = await useLocalStack({ appUrl: process.env.APP_URL ?? "http://localhost:3000" });
  try {
    await run({
      versioning: args.includes("--versioning"),
      noncurrentVersionExpiryDays: days >= 0 ? Number(args[days + 1]) : 30,
    });
  } finally {
    await stack.stop();
  }
}
