"use client";
import { getErrorMessage } from "@/app/_lib/errors";
import { api } from "@/app/_trpc/client";
import { FailureMessage } from "../feedback/failure-message";

/** The signed-in user's coaches, each of whom they can stop sharing with. */
export function CoachesList() {
  const utils = api.useUtils();
  const coaches = api.coach.coaches.useQuery();
  const unlink = api.coach.unlink.useMutation({ onSuccess: () => void utils.coach.coaches.invalidate() });
  if (coaches.isPending) return <p aria-busy="true">Loading…</p>;
  if (coaches.isError) return <p role="alert">Could not load your coaches: {getErrorMessage(coaches.error)}</p>;
  if (coaches.data.length === 0) return <p className="text-slate-700">No coach can see your recordings. A coach can send you an invite link.</p>;
  return (
    <>
    <FailureMessage error={unlink.error} action="stop sharing" className="mb-2" />
    <ul aria-label="Your coaches" className="space-y-2">
      {coaches.data.map((coach) => (
        <li key={coach.id} className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-slate-200 bg-white p-3">
          <span>
            <span className="font-medium">{coach.name}</span> <span className="text-sm text-slate-600">{coach.email}</span>
          </span>
          <button
            type="button"
            onClick={() => unlink.mutate({ userId: coach.id })}
            className="rounded border border-red-300 px-3 py-1 text-sm text-red-700 hover:bg-red-50"
          >
            Stop sharing with {coach.name}
          </button>
        </li>
      ))}
    </ul>
    </>
  );
}
