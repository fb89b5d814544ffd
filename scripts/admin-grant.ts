// `npm run admin:grant -- EMAIL`: makes an existing account an admin (the /admin page). Against
// DATABASE_URL, or the local stack's database when it is unset.
import "dotenv/config";
import { useLocalStack } from "./local/stack";

const email = process.argv[2];
if (!email?.includes("@")) {
  console.error("usage: npm run admin:grant -- EMAIL");
  process.exit(2);
}
const stack = await useLocalStack({ appUrl: process.env.APP_URL ?? "http://localhost:3000" });
const [{ grantAdmin }, { db }] = await Promise.all([
  import("../server/operations/admins"),
  import("../server/db/client"),
]);
const granted = await grantAdmin(db, email);
await db.$disconnect();
await stack.stop();
console.log(granted ? `${email} is now an admin.` : `No account with the e-mail ${email}: sign up first.`);
process.exit(granted ? 0 : 1);
