export default function NotFound() {
  return (
    <main className="mx-auto max-w-md px-4 py-24 text-center">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="mt-2 text-slate-700">This page or recording does not exist, or you do not have access to it.</p>
      {/* This boundary is part of every page's first load, and next/link here made the bundler put a
          second copy of the link code (3 KB gzip) into every page (docs/decisions/0020). */}
      {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full page load from a 404 is fine */}
      <a href="/recordings" className="mt-6 inline-block font-medium text-blue-700 underline">
        Go to your recordings
      </a>
    </main>
  );
}
