import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { callerFor, createUser, fixture, postToStorage, uploadRecording } from "../testing/helpers";
import { metricsResponse } from "./exposition";
import { metrics } from "./metrics";

const TOKEN = "a-metrics-token-for-tests";

async function valueOf(name: string, labels: Record<string, string> = {}) {
  const metric = metrics.registry.getSingleMetric(name);
  if (!metric) throw new Error(`no metric ${name}`);
  const { values } = await metric.get();
  return values
    .filter((sample) => Object.entries(labels).every(([key, value]) => String(sample.labels[key]) === value))
    .filter((sample) => !("metricName" in sample) || sample.metricName === name || sample.metricName === `${name}_count`)
    .reduce((sum, sample) => sum + sample.value, 0);
}

function scrape(authorization?: string, token: string | null = TOKEN) {
  const headers = authorization ? { authorization } : undefined;
  return metricsResponse(new Request("http://app.test/api/metrics", { headers }), token ?? undefined);
}

describe("/api/metrics", () => {
  it("does not exist without METRICS_TOKEN, and wants the token when it is set", async () => {
    expect((await scrape(`Bearer ${TOKEN}`, null)).status).toBe(404);
    expect((await scrape()).status).toBe(401);
    expect((await scrape("Bearer not-the-token-at-all")).status).toBe(401);
    const response = await scrape(`Bearer ${TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    const text = await response.text();
    expect(text).toContain("speech_coach_process_cpu_seconds_total");
    expect(text).toContain("speech_coach_database_up 1");
    expect(text).toContain("speech_coach_s3_up 1");
    expect(text).toMatch(/speech_coach_storage_bytes\{status="READY"\} \d+/);
    expect(text).toMatch(/speech_coach_estimated_monthly_cost_dollars \d/);
    // No user or recording ids leak into labels.
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/);
  });

  it("counts an upload from creation to ready, its S3 calls and the confirm duration", async () => {
    const before = {
      created: await valueOf("speech_coach_uploads_created_total"),
      confirmed: await valueOf("speech_coach_uploads_confirmed_total"),
      heads: await valueOf("speech_coach_s3_operations_total", { operation: "GetObject", outcome: "success" }),
      confirms: await valueOf("speech_coach_upload_confirm_duration_seconds"),
      calls: await valueOf("speech_coach_api_requests_total", { procedure: "recording.confirmUpload", status: "200" }),
      urls: await valueOf("speech_coach_playback_urls_issued_total"),
    };
    const user = await createUser();
    const recording = await uploadRecording(user, "speech-short.wav");
    await callerFor(user).recording.playbackUrl({ recordingId: recording.id });

    expect(await valueOf("speech_coach_uploads_created_total")).toBe(before.created + 1);
    expect(await valueOf("speech_coach_uploads_confirmed_total")).toBe(before.confirmed + 1);
    expect(
      await valueOf("speech_coach_s3_operations_total", { operation: "GetObject", outcome: "success" }),
    ).toBeGreaterThan(before.heads);
    expect(await valueOf("speech_coach_upload_confirm_duration_seconds")).toBe(before.confirms + 1);
    expect(
      await valueOf("speech_coach_api_requests_total", { procedure: "recording.confirmUpload", status: "200" }),
    ).toBe(before.calls + 1);
    expect(await valueOf("speech_coach_playback_urls_issued_total")).toBe(before.urls + 1);
  });

  it("counts a refused upload under its reason, and a missing object as not_found", async () => {
    const user = await createUser();
    const caller = callerFor(user);
    const file = fixture("not-audio.m4a");
    const failedBefore = await valueOf("speech_coach_uploads_failed_total", { reason: "not_audio" });
    const created = await caller.recording.createUpload({
      fileName: file.name,
      contentType: file.contentType,
      sizeBytes: file.bytes.length,
    });
    const notFoundBefore = await valueOf("speech_coach_s3_operations_total", {
      operation: "GetObject",
      outcome: "not_found",
    });
    await expect(caller.recording.confirmUpload({ recordingId: created.recordingId })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    expect(
      await valueOf("speech_coach_s3_operations_total", { operation: "GetObject", outcome: "not_found" }),
    ).toBe(notFoundBefore + 1);
    await postToStorage(created.upload, file.bytes, file.contentType);
    const settled = await caller.recording.confirmUpload({ recordingId: created.recordingId });
    expect(settled.status).toBe("FAILED");
    expect(await valueOf("speech_coach_uploads_failed_total", { reason: "not_audio" })).toBe(failedBefore + 1);
  });

  it("counts an upload the browser cancelled (its reservation deleted before confirming)", async () => {
    const caller = callerFor(await createUser());
    const file = fixture("speech-short.wav");
    const before = await valueOf("speech_coach_uploads_cancelled_total");
    const created = await caller.recording.createUpload({
      fileName: file.name,
      contentType: file.contentType,
      sizeBytes: file.bytes.length,
    });
    await caller.recording.delete({ recordingId: created.recordingId });
    await caller.recording.delete({ recordingId: created.recordingId });
    expect(await valueOf("speech_coach_uploads_cancelled_total")).toBe(before + 1);
  });

  it("reports the storage held from the database, the same for every instance", async () => {
    const user = await createUser();
    await uploadRecording(user, "speech-short.mp3");
    const held = await db.recording.aggregate({
      where: { status: "READY", fileKey: { not: null } },
      _sum: { sizeBytes: true },
      _count: { _all: true },
    });
    const text = await (await scrape(`Bearer ${TOKEN}`)).text();
    expect(text).toContain(`speech_coach_storage_bytes{status="READY"} ${held._sum.sizeBytes}`);
    expect(text).toContain(`speech_coach_storage_objects{status="READY"} ${held._count._all}`);
  });
});
