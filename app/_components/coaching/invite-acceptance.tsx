"use client";
import { useRouter } from "next/navigation";
import { api } from "@/app/_trpc/client";
import { FailureMessage } from "../feedback/failure-message";

export function InviteAcceptance({ token, coachName }: { token: string; coachName: string }) {
  const router = useRouter();
  const accept = api.coach.acceptInvite.useMutation({ onSuccess: () => router.push("/recordings") });
  return (
    <div className="space-y-3">
      <button
        type="button"
        onClick={() => accept.mutate({ token })}
        disabled={accept.isPending}
        className="rounded bg-blue-600 px-4 py-2 font-medium text-white hover:bg-blue-700"
      >
        Accept and share my recordings with {coachName}
      </button>
      <FailureMessage error={accept.error} action="accept the invite" />
    </div>
  );
}
