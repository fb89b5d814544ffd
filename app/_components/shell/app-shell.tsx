"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { AccountMenu } from "./account-menu";
import { StorageMeter } from "./storage-meter";

export interface ShellUser {
  name: string;
  email: string;
  role: "student" | "coach" | "admin";
}

export function AppShell({ user, children }: { user: ShellUser; children: ReactNode }) {
  const pathname = usePathname();
  const links = [
    { href: "/recordings", label: "History", active: pathname === "/recordings" || /^\/recordings\/(?!new)/.test(pathname) },
    { href: "/recordings/new", label: "New recording", active: pathname === "/recordings/new" },
    { href: "/progress", label: "Progress", active: pathname === "/progress" },
    ...(user.role === "coach" ? [{ href: "/students", label: "Students", active: pathname.startsWith("/students") }] : []),
    ...(user.role === "admin" ? [{ href: "/admin", label: "Admin", active: pathname.startsWith("/admin") }] : []),
  ];
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        {/* One row from tablet width up: what does not fit shrinks (the meter, a long name cut short)
            rather than wrapping. On a phone the navigation takes a row of its own. */}
        <div className="mx-auto flex max-w-4xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 md:flex-nowrap">
          <Link href="/recordings" className="shrink-0 text-lg font-semibold text-blue-700">
            Speech Coach
          </Link>
          <nav aria-label="Main" className="order-3 w-full md:order-none md:w-auto md:shrink-0">
            <ul className="flex gap-1">
              {links.map((link) => (
                <li key={link.href}>
                  <Link
                    href={link.href}
                    aria-current={link.active ? "page" : undefined}
                    className={`whitespace-nowrap rounded px-3 py-2 text-sm font-medium ${link.active ? "bg-blue-50 text-blue-800" : "text-slate-700 hover:bg-slate-100"}`}
                  >
                    {link.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <div className="ml-auto flex min-w-0 items-center gap-4">
            <StorageMeter />
            <AccountMenu user={user} />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-4xl px-4 py-8">
        {children}
      </main>
    </div>
  );
}
