import { expect, test } from "@playwright/test";
import { newPerson, signIn, signOut, signUp } from "./support";

test("a new person signs up, signs out and signs in again", async ({ page }) => {
  const person = newPerson();
  await signUp(page, person);
  await expect(page.getByText("No recordings yet.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Students" })).toHaveCount(0);
  await signOut(page, person.name);
  await signIn(page, person);
  await expect(page.getByRole("button", { name: person.name })).toBeVisible();
  await page.goto("/");
  await expect(page).toHaveURL(/\/recordings$/);
});

test("sign-in and sign-up explain what went wrong", async ({ page }) => {
  const person = newPerson();
  await signUp(page, person);
  await signOut(page, person.name);
  await page.getByLabel("E-mail").fill(person.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Wrong e-mail or password.");

  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Someone");
  await page.getByLabel("E-mail").fill(person.email);
  await page.getByLabel("Password").fill("another-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("already exists");
});

test("a signed-out visitor at / learns what Speech Coach is and how to start", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Speech Coach", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "How it works" })).toBeVisible();
  await page.getByRole("link", { name: "Create a free account" }).click();
  await expect(page).toHaveURL(/\/sign-up$/);
  await page.goBack();
  await page.getByRole("link", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Sign in to Speech Coach" })).toBeVisible();
});

test("pages behind sign-in send a visitor to the sign-in page", async ({ page }) => {
  await page.goto("/recordings");
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("a sign-out that cannot reach the server says so and leaves the person signed in", async ({ page }) => {
  const person = newPerson();
  await signUp(page, person);
  await page.route("**/api/auth/sign-out", (route) => route.abort("internetdisconnected"));
  await page.getByRole("button", { name: person.name }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page.getByRole("menu", { name: "Account" }).getByRole("alert")).toHaveText(
    "Could not reach Speech Coach. Check your connection and try again.",
  );
  await page.reload();
  await expect(page.getByRole("heading", { name: "Your recordings" })).toBeVisible();

  await page.unroute("**/api/auth/sign-out");
  await signOut(page, person.name);
});
