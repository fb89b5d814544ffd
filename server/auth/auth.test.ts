import { describe, expect, it } from "vitest";
import { db } from "../db/client";
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

describe("sign-up", () => {
  function signUp(body: Record<string, unknown>) {
    return auth.handler(
      new Request("http://localhost:3000/api/auth/sign-up/email", {
        method: "POST",
        headers: { "content-type": "application/json", origin: "http://localhost:3000", "x-forwarded-for": "198.51.100.9" },
        body: JSON.stringify(body),
      }),
    );
  }

  it("creates a student by default and a coach when asked", async () => {
    const student = await signUp({ name: "S", email: "s-default@example.test", password: "long-enough-1" });
    expect(student.status).toBe(200);
    expect((await student.json()).user.role).toBe("student");
    const coach = await signUp({ name: "C", email: "c-role@example.test", password: "long-enough-1", role: "coach" });
    expect((await coach.json()).user.role).toBe("coach");
  });

  it("refuses any other role with a 400, creating nobody", async () => {
    const response = await signUp({ name: "A", email: "admin-role@example.test", password: "long-enough-1", role: "admin" });
    expect(response.status).toBe(400);
    expect(await db.user.findUnique({ where: { email: "admin-role@example.test" } })).toBeNull();
  });
});
