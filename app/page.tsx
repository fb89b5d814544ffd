import Link from "next/link";
import { redirect } from "next/navigation";
import { getSession } from "./_auth/session";

export const metadata = { title: "Speech Coach: practise speaking and get it reviewed" };

const STEPS = [
  ["Record or upload", "Record a talk with your microphone, or upload audio you already have (M4A, MP3, WAV, WebM, Ogg, FLAC)."],
  ["Listen back", "Play it in the browser at any speed, skip, and see your history of recordings in one place."],
  ["Get it reviewed", "Invite your coach with a link: they listen and leave comments pinned to the moment they are about."],
] as const;

/** Signed in: the history. Signed out: what Speech Coach is and how to start. */
export default async function Home() {
  if (await getSession()) redirect("/recordings");
  return (
    <main className="mx-auto max-w-3xl px-4 py-16">
      <h1 className="text-4xl font-semibold text-blue-800">Speech Coach</h1>
      <p className="mt-4 text-lg text-slate-700">
        Practise speaking and get it reviewed. Record a speech, a pitch or a reading, listen to it again, and share it with your coach, who
        comments on the exact moments that need work.
      </p>
      <div className="mt-8 flex flex-wrap gap-3">
        <Link href="/sign-up" className="rounded bg-blue-600 px-5 py-2.5 font-medium text-white hover:bg-blue-700">
          Create a free account
        </Link>
        <Link href="/sign-in" className="rounded border border-slate-300 bg-white px-5 py-2.5 font-medium hover:bg-slate-50">
          Sign in
        </Link>
      </div>
      <section aria-labelledby="how-heading" className="mt-14">
        <h2 id="how-heading" className="text-xl font-semibold">
          How it works
        </h2>
        <ol className="mt-4 grid gap-4 sm:grid-cols-3">
          {STEPS.map(([title, text], index) => (
            <li key={title} className="rounded-lg border border-slate-200 bg-white p-4">
              <p className="text-sm font-medium text-blue-700">Step {index + 1}</p>
              <h3 className="mt-1 font-semibold">{title}</h3>
              <p className="mt-2 text-sm text-slate-700">{text}</p>
            </li>
          ))}
        </ol>
      </section>
      <p className="mt-10 text-sm text-slate-600">Coaches: create an account as a coach, then invite your students from the Students page.</p>
    </main>
  );
}
