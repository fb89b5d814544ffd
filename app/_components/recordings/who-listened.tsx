"use client";
import { formatDate } from "@/app/_lib/time";
import { api } from "@/app/_trpc/client";

const times = (count: number) => (count === 1 ? "once" : `${count} times`);

/** For the owner: which coaches played this recording and when; their own plays on one line. */
export function WhoListened({ recordingId }: { recordingId: string }) {
  const { data } = api.playback.listeners.useQuery({ recordingId });
  if (!data) return null;
  return (
    <section aria-labelledby="who-listened-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="who-listened-heading" className="text-lg font-semibold">
        Who listened
      </h2>
      {data.coaches.length === 0 && !data.own ? (
        <p className="text-sm text-slate-600">Nobody has played this recording yet.</p>
      ) : (
        <ul className="mt-2 space-y-1 text-sm">
          {data.coaches.map((coach) => (
            <li key={coach.name + coach.lastPlayedAt.toISOString()}>
              <span className="font-medium">{coach.name}</span> (coach) played it {times(coach.plays)}, last on{" "}
              {formatDate(coach.lastPlayedAt)}
            </li>
          ))}
          {data.own && (
            <li>
              <span className="font-medium">You</span> played it {times(data.own.plays)}, last on{" "}
              {formatDate(data.own.lastPlayedAt)}
            </li>
          )}
        </ul>
      )}
    </section>
  );
}
