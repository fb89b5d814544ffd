// Next.js calls register() once when a server instance starts; the background worker runs inside
// the app unless WORKER_ENABLED=false (then run `npm run worker` separately; see server/jobs).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./server/jobs/in-app");
}
