export default function NotFound() {
  return (
    <main className="mx-auto max-w-md px-4 py-24 text-center">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="mt-2 text-slate-700">This page or recording does not exist, or you do not have access to it.</p>
      {/* A plain link, not next/link: this boundary is part of every page, and next/link here put a
          second copy of the link code (3 KB gzip) into every page's first load. */}
      <a href="/recordings" className="mt-6 inline-block font-medium text-blue-700 underline">
        Go to your recordings
      </a>
    </main>
  );
}
