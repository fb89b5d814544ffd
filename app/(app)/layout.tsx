import type { ReactNode } from "react";
import { requireSession } from "../_auth/session";
import { AppShell } from "../_components/shell/app-shell";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const { user } = await requireSession();
  return (
    <AppShell user={{ name: user.name, email: user.email, role: user.role === "coach" || user.role === "admin" ? user.role : "student" }}>
      {children}
    </AppShell>
  );
}
