"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { signInWithEmail, signUpWithEmail, type AuthError } from "@/app/_auth/client";

function explain(mode: "sign-in" | "sign-up", error: AuthError) {
  if (error.status === 429) return "Too many attempts. Wait a minute, then try again.";
  if (error.status === 0 && error.message) return error.message;
  if (mode === "sign-in") return "Wrong e-mail or password.";
  if (error.code === "USER_ALREADY_EXISTS" || error.code === "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL") {
    return "An account with this e-mail already exists. Sign in instead.";
  }
  if (error.code === "PASSWORD_TOO_SHORT") return "Choose a password of at least 8 characters.";
  if (error.code === "INVALID_EMAIL") return "Enter a valid e-mail address.";
  return error.message ?? "Could not create the account. Try again.";
}

const field = "mt-1 w-full rounded border border-slate-300 px-3 py-2";

export function AuthForm({ mode, next }: { mode: "sign-in" | "sign-up"; next: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const signUp = mode === "sign-up";

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email")).trim();
    const password = String(form.get("password"));
    setPending(true);
    setError(null);
    const failure = signUp
      ? await signUpWithEmail({
          name: String(form.get("name")).trim(),
          email,
          password,
          role: form.get("role") === "coach" ? "coach" : "student",
        })
      : await signInWithEmail({ email, password });
    setPending(false);
    if (failure) return setError(explain(mode, failure));
    router.push(next);
    router.refresh();
  }

  const nextQuery = next === "/recordings" ? "" : `?next=${encodeURIComponent(next)}`;
  return (
    <main className="mx-auto max-w-sm px-4 py-16">
      <h1 className="mb-6 text-2xl font-semibold">{signUp ? "Create your Speech Coach account" : "Sign in to Speech Coach"}</h1>
      <form onSubmit={onSubmit} className="space-y-4" noValidate={false}>
        {signUp && (
          <label className="block">
            <span className="text-sm font-medium">Name</span>
            <input name="name" required maxLength={100} autoComplete="name" className={field} />
          </label>
        )}
        <label className="block">
          <span className="text-sm font-medium">E-mail</span>
          <input name="email" type="email" required autoComplete="email" className={field} />
        </label>
        <label className="block">
          <span className="text-sm font-medium">Password</span>
          <input
            name="password"
            type="password"
            required
            minLength={signUp ? 8 : undefined}
            autoComplete={signUp ? "new-password" : "current-password"}
            className={field}
          />
          {signUp && <span className="mt-1 block text-xs text-slate-600">At least 8 characters.</span>}
        </label>
        {signUp && (
          <fieldset>
            <legend className="text-sm font-medium">I am</legend>
            <div className="mt-1 flex gap-4">
              <label className="flex items-center gap-2">
                <input type="radio" name="role" value="student" defaultChecked /> practising (student)
              </label>
              <label className="flex items-center gap-2">
                <input type="radio" name="role" value="coach" /> a coach
              </label>
            </div>
          </fieldset>
        )}
        {error && (
          <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-800">
            {error}
          </p>
        )}
        <button type="submit" disabled={pending} className="w-full rounded bg-blue-600 px-4 py-2 font-medium text-white hover:bg-blue-700 disabled:opacity-60">
          {pending ? "Please wait…" : signUp ? "Create account" : "Sign in"}
        </button>
      </form>
      <p className="mt-6 text-sm text-slate-700">
        {signUp ? "Already have an account? " : "New to Speech Coach? "}
        <Link href={`${signUp ? "/sign-in" : "/sign-up"}${nextQuery}`} className="font-medium text-blue-700 underline">
          {signUp ? "Sign in" : "Create an account"}
        </Link>
      </p>
    </main>
  );
}
