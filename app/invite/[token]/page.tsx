import { TRPCError } from "@trpc/server";
import Link from "next/link";
import { getSession } from "@/app/_auth/session";
import { InviteAcceptance } from "@/app/_components/coaching/invite-acceptance";
import { api } from "@/app/_trpc/server";

export const metadata = { title: "Invitation · Speech Coach" };

async function describe(token: string) {
  try {
    return await api.coach.inviteInfo({ token });
  } catch (error) {
    if (error instanceof TRPCError && ["NOT_FOUND", "BAD_REQUEST"].includes(error.code)) return null;
    throw error;
  }
}

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invite, session] = await Promise.all([describe(token), getSession()]);
  const here = `/invite/${token}`;
  return (
    <main className="mx-auto max-w-md px-4 py-16">
      <h1 className="text-2xl font-semibold">Invitation to Speech Coach</h1>
      {!invite ? (
        <p role="alert" className="mt-4">This invite link is not valid. Check that you copied all of it, or ask your coach for a new one.</p>
      ) : !invite.usable ? (
        <p role="alert" className="mt-4">{invite.problem}</p>
      ) : (
        <div className="mt-4 space-y-4">
          <p>
            <strong>{invite.coachName}</strong> invites you to share your practice recordings. They will be able to listen to them and comment;
            you can stop sharing at any time.
          </p>
          {session ? (
            <InviteAcceptance token={token} coachName={invite.coachName} />
          ) : (
            <div className="flex gap-3">
              <Link href={`/sign-up?next=${encodeURIComponent(here)}`} className="rounded bg-blue-600 px-4 py-2 font-medium text-white">
                Create an account
              </Link>
              <Link href={`/sign-in?next=${encodeURIComponent(here)}`} className="rounded border border-slate-300 px-4 py-2 font-medium">
                Sign in
              </Link>
            </div>
          )}
        </div>
      )}
    </main>
  );
}
