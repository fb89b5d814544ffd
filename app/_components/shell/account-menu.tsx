"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { signOut } from "@/app/_auth/client";
import type { ShellUser } from "./app-shell";
import { StorageMeter } from "./storage-meter";

export function AccountMenu({ user }: { user: ShellUser }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [signOutError, setSignOutError] = useState<string | null>(null);
  async function onSignOut() {
    setSignOutError(null);
    const failure = await signOut();
    if (failure) return setSignOutError(failure.message ?? "Could not sign out. Try again.");
    router.push("/sign-in");
    router.refresh();
  }
  return (
    <div className="relative" onKeyDown={(event) => event.key === "Escape" && setOpen(false)}>
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((value) => !value)}
        // A long name is cut short rather than pushing the header onto a second row.
        className="max-w-48 truncate rounded-full border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-50"
      >
        {user.name}
      </button>
      {open && (
        <div role="menu" aria-label="Account" className="absolute right-0 z-10 mt-2 w-60 rounded-lg border border-slate-200 bg-white p-2 shadow-lg">
          <p className="px-2 py-1 text-sm text-slate-600">
            {user.email}
            <br />
            <span className="capitalize">{user.role}</span>
          </p>
          {/* The header has room for the storage meter only at desktop width. */}
          <StorageMeter id="storage-meter-menu" className="px-2 py-1 lg:hidden" />
          <Link role="menuitem" href="/account" className="block rounded px-2 py-2 text-sm hover:bg-slate-100" onClick={() => setOpen(false)}>
            Account and coaches
          </Link>
          <button role="menuitem" type="button" onClick={onSignOut} className="block w-full rounded px-2 py-2 text-left text-sm hover:bg-slate-100">
            Sign out
          </button>
          {signOutError && (
            <p role="alert" className="px-2 py-1 text-sm text-red-800">
              {signOutError}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
