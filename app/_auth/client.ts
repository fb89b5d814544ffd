/**
 * The browser's calls to better-auth's endpoints (`/api/auth/...`), made with fetch rather than
 * better-auth's client, which would add about 12 KB of gzipped JavaScript to every signed-in page
 * for one sign-out. A same-origin POST carries the Origin header better-auth checks against
 * APP_URL, and the session cookie it sets or clears.
 */
export interface AuthError {
  /** 0 when the server could not be reached. */
  status: number;
  code?: string;
  message?: string;
}

async function post(path: string, body: object): Promise<AuthError | null> {
  let response: Response;
  try {
    response = await fetch(`/api/auth${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  } catch {
    return { status: 0, message: "Could not reach Speech Coach. Check your connection and try again." };
  }
  if (response.ok) return null;
  const payload = (await response.json().catch(() => ({}))) as { code?: unknown; message?: unknown };
  return {
    status: response.status,
    code: typeof payload.code === "string" ? payload.code : undefined,
    message: typeof payload.message === "string" ? payload.message : undefined,
  };
}

export const signInWithEmail = (input: { email: string; password: string }) => post("/sign-in/email", input);

export const signUpWithEmail = (input: { name: string; email: string; password: string; role: "student" | "coach" }) =>
  post("/sign-up/email", input);

export const signOut = () => post("/sign-out", {});
