import { requireSession } from "../_auth/session";
import { RecordingList } from "./recording-list";

export default async function RecordingsPage() {
  const session = await requireSession();
  return (
    <main className="mx-auto max-w-2xl px-4 py-10">
      <h1 className="mb-1 text-2xl font-semibold">Your recordings</h1>
      <p className="mb-6 text-sm text-slate-600">Signed in as {session.user.email}</p>
      <RecordingList />
    </main>
  );
}
