import { safeNext } from "@/app/_lib/safe-next";
import { AuthForm } from "@/app/_components/auth/auth-form";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  return <AuthForm mode="sign-in" next={safeNext((await searchParams).next)} />;
}
