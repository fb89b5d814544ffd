import { describe, expect, it } from "vitest";
import { auth } from "./auth";

function signIn(email: string, address: string) {
  return auth.handler(
    new Request("http://localhost:3000/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://localhost:3000", "x-forwarded-for": address },
      body: JSON.stringify({ email, password: "wrong-password" }),
    }),
  );
}

describe("sign-in", () => {
  it("is rate limited per address: past the budget the answer is 429", async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 7; attempt++) statuses.push((await signIn("nobody@example.test", "203.0.113.7")).status);
    expect(statuses.slice(0, 5).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(5)).toEqual([429, 429]);
    // Another address still gets its own attempts.
    expect((await signIn("nobody@example.test", "203.0.113.8")).status).toBe(401);
  });
});
