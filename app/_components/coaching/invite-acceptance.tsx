"use client";
import { useRouter } from "next/navigation";
import { api } from "@/app/_trpc/client";

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
      {accept.error && (
        <p role="alert" className="text-sm text-red-800">
          {accept.error.message}
        </p>
      )}
    </div>
  );
}
