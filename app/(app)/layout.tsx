import type { ReactNode } from "react";
import { requireSession } from "../_auth/session";
import { AppShell } from "../_components/shell/app-shell";
import { api, HydrateClient } from "../_trpc/server";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const { user } = await requireSession();
  // The storage meter in the header.
  await api.recording.usage.prefetch();
  return (
    <HydrateClient>
    <AppShell user={{ name: user.name, email: user.email, role: user.role === "coach" || user.role === "admin" ? user.role : "student" }}>
      {children}
    </AppShell>
    </HydrateClient>
  );
}
