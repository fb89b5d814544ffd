/** Where to go after signing in: only paths on this site, never another origin ("//host" or "/\host"). */
export function safeNext(next: string | string[] | undefined, fallback = "/recordings") {
  const value = Array.isArray(next) ? next[0] : next;
  return value && /^\/(?![/\\])/.test(value) ? value : fallback;
}
