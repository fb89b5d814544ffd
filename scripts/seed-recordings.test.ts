import { describe, expect, it } from "vitest";
import { db } from "../server/db/client";
import { createUser } from "../server/testing/helpers";
import { analysisJobsOf } from "../server/testing/jobs";
import { seedDemoRecordings } from "./seed-recordings";

describe("the demo student's recordings", () => {
  it("are uploaded and confirmed the normal way, queued for analysis, spread over past weeks, and added once", async () => {
    const student = await createUser();
    expect(await seedDemoRecordings(student.id)).toBe(5);
    const rows = await db.recording.findMany({
      where: { ownerId: student.id },
      select: { id: true, status: true, fileKey: true, createdAt: true, durationMs: true, analysisRun: { select: { status: true } } },
      orderBy: { createdAt: "asc" },
    });
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      expect(row).toMatchObject({ status: "READY", analysisRun: { status: "pending" } });
      expect(row.fileKey).toMatch(new RegExp(`^users/${student.id}/recordings/${row.id}/audio\\.(m4a|wav|webm|mp3)$`));
      expect(row.durationMs).toBeGreaterThan(2_000);
      expect(await analysisJobsOf(row.id)).toHaveLength(1);
    }
    const days = rows.map((row) => Math.round((Date.now() - row.createdAt.getTime()) / (24 * 3600 * 1000)));
    expect(days).toEqual([26, 19, 12, 6, 2]);

    expect(await seedDemoRecordings(student.id)).toBe(0);
    expect(await db.recording.count({ where: { ownerId: student.id } })).toBe(5);
  });
});
