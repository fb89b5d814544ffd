import { redirect } from "next/navigation";
import { getSession } from "./_auth/session";

export default async function Home() {
  redirect((await getSession()) ? "/recordings" : "/sign-in");
}
