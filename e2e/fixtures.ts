// Signing in without the UI, for every spec where signing in is not what is tested (auth.spec.ts
// and the invite flow go through the forms). One request to better-auth's own endpoint sets the
// session cookies in the browser context, instead of loading and filling a form for every test.
import { test as base, expect, type APIRequestContext, type BrowserContext, type BrowserContextOptions, type Page } from "@playwright/test";
import { newPerson } from "./support";

type NewPerson = ReturnType<typeof newPerson>;
type Account = { email: string; password: string };

/**
 * Signs a new person up, or an existing account in, through `request`, whose cookie jar is the
 * browser context's. better-auth refuses a request that carries cookies without a trusted Origin
 * (its CSRF check), as a browser always sends one.
 */
async function signInThrough(request: APIRequestContext, origin: string, account: NewPerson | Account) {
  const [endpoint, data] =
    "name" in account
      ? ["/api/auth/sign-up/email", { name: account.name, email: account.email, password: account.password, role: account.role }]
      : ["/api/auth/sign-in/email", { email: account.email, password: account.password }];
  const response = await request.post(endpoint, { data, headers: { origin } });
  expect(response.ok(), `${endpoint} answered ${response.status()}: ${await response.text()}`).toBe(true);
}

export const test = base.extend<{
  /** The student `page` and `context` are signed in as: new for each test, so tests never share recordings. */
  person: NewPerson;
  /** A page in a browser context of its own, signed in as a new person (signed up) or an existing account. */
  signedInPage: (account: NewPerson | Account, options?: BrowserContextOptions) => Promise<Page>;
}>({
  person: async ({ context, baseURL }, use) => {
    const person = newPerson();
    await signInThrough(context.request, baseURL!, person);
    await use(person);
  },
  page: async ({ page, person }, use, testInfo) => {
    testInfo.annotations.push({ type: "signed in as", description: person.email });
    await use(page);
  },
  signedInPage: async ({ browser, baseURL }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (account, options) => {
      const context = await browser.newContext(options);
      contexts.push(context);
      await signInThrough(context.request, baseURL!, account);
      return context.newPage();
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
});

export { expect };
