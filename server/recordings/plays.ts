import "server-only";
import type { Relationship } from "../access/policy";
import { recordAudit } from "../audit/audit";
import { metrics, PLAY_ERROR_CODES } from "../metrics/metrics";
import type { Services } from "./services";

type PlayOutcome =
  | { outcome: "started"; startMs: number }
  | { outcome: "error"; code: (typeof PLAY_ERROR_CODES)[number] };

interface Play {
  recordingId: string;
  ownerId: string;
  viewerId: string;
  relationship: Relationship;
  clientAddress: string | null;
}

/**
 * What the browser saw when someone pressed play, reported once per play: counted for the
 * playback success rate, kept for the admin page and the daily rollup, and a started play goes
 * into the audit trail as a listen.
 */
export async function reportPlay({ db }: Services, play: Play, report: PlayOutcome) {
  const recording = await db.recording.findUniqueOrThrow({
    where: { id: play.recordingId },
    select: { sizeBytes: true },
  });
  const ok = report.outcome === "started";
  await db.playReport.create({
    data: {
      recordingId: play.recordingId,
      viewerId: play.viewerId,
      ok,
      startMs: ok ? report.startMs : null,
      errorCode: ok ? null : report.code,
      sizeBytes: recording.sizeBytes,
    },
    select: { id: true },
  });
  if (!ok) {
    metrics.playErrors.inc({ code: report.code });
    return;
  }
  metrics.playsStarted.inc();
  metrics.playStartDuration.observe(report.startMs / 1000);
  await recordAudit(db, {
    event: "recording.played",
    actorId: play.viewerId,
    subjectUserId: play.ownerId,
    recordingId: play.recordingId,
    clientAddress: play.clientAddress,
    detail: { as: play.relationship },
  });
}

/**
 * "Who listened", for the owner: each coach's plays by name with the time of the latest, and
 * the owner's own plays folded into one line.
 */
export async function listeners({ db }: Services, recordingId: string, ownerId: string) {
  const plays = await db.auditEvent.groupBy({
    by: ["actorId"],
    where: { recordingId, event: "recording.played" },
    _count: { _all: true },
    _max: { at: true },
  });
  const others = plays.filter((play) => play.actorId && play.actorId !== ownerId);
  const names = new Map(
    (
      await db.user.findMany({
        where: { id: { in: others.map((play) => play.actorId!) } },
        select: { id: true, name: true },
      })
    ).map((user) => [user.id, user.name]),
  );
  const own = plays.find((play) => play.actorId === ownerId);
  return {
    coaches: others
      .map((play) => ({
        name: names.get(play.actorId!) ?? "A former coach",
        plays: play._count._all,
        lastPlayedAt: play._max.at!,
      }))
      .sort((a, b) => b.lastPlayedAt.getTime() - a.lastPlayedAt.getTime()),
    own: own ? { plays: own._count._all, lastPlayedAt: own._max.at! } : null,
  };
}
