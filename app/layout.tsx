import type { Metadata } from "next";
import type { ReactNode } from "react";
import { TRPCProvider } from "./_trpc/provider";
import "./globals.css";

export const metadata: Metadata = {
  title: "Speech Coach",
  description: "Practise speaking and get it reviewed.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <TRPCProvider>{children}</TRPCProvider>
      </body>
    </html>
  );
}
