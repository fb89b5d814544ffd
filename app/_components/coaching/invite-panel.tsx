"use client";
import { useState, type FormEvent } from "react";
import { formatDate } from "@/app/_lib/time";
import { api } from "@/app/_trpc/client";
import { FailureMessage } from "../feedback/failure-message";

export function InvitePanel() {
  const utils = api.useUtils();
  const invites = api.coach.invites.useQuery();
  const create = api.coach.createInvite.useMutation({ onSuccess: () => void utils.coach.invites.invalidate() });
  const revoke = api.coach.revokeInvite.useMutation({ onSuccess: () => void utils.coach.invites.invalidate() });
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    create.mutate(
      { reusable: form.get("reusable") === "on", expiresInDays: Number(form.get("days")) },
      {
        onSuccess: (invite) => {
          setCopied(false);
          setLink(`${window.location.origin}${invite.path}`);
        },
      },
    );
  }

  return (
    <section aria-labelledby="invite-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="invite-heading" className="text-lg font-semibold">
        Invite a student
      </h2>
      <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-4 text-sm">
        <label>
          <span className="block font-medium">Expires after</span>
          <select name="days" defaultValue="7" className="rounded border border-slate-300 px-2 py-1">
            <option value="1">1 day</option>
            <option value="7">7 days</option>
            <option value="30">30 days</option>
          </select>
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="reusable" /> Several students may use this link
        </label>
        <button type="submit" disabled={create.isPending} className="rounded bg-blue-600 px-3 py-1.5 font-medium text-white">
          Create invite link
        </button>
      </form>
      <FailureMessage error={create.error} action="create the invite" />
      <FailureMessage error={revoke.error} action="withdraw the invite" />
      {link && (
        <div className="flex flex-wrap items-center gap-2">
          <label className="flex-1 text-sm">
            <span className="font-medium">Invite link</span>
            <input readOnly value={link} onFocus={(event) => event.target.select()} className="mt-1 w-full rounded border border-slate-300 px-2 py-1 font-mono text-xs" />
          </label>
          <button
            type="button"
            onClick={() => void navigator.clipboard?.writeText(link).then(() => setCopied(true))}
            className="self-end rounded border border-slate-300 px-3 py-1 text-sm"
          >
            {copied ? "Copied" : "Copy"}
          </button>
        </div>
      )}
      {(invites.data?.length ?? 0) > 0 && (
        <div>
          <h3 className="text-sm font-medium">Open invites</h3>
          <ul className="mt-1 space-y-1 text-sm">
            {invites.data?.map((invite) => (
              <li key={invite.id} className="flex flex-wrap items-center gap-2">
                {invite.reusable ? `Reusable, used ${invite.acceptedCount} times` : "Single use"} · expires {formatDate(invite.expiresAt)}
                <button type="button" onClick={() => revoke.mutate({ inviteId: invite.id })} className="text-red-700 underline">
                  Withdraw
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
