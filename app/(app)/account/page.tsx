import { requireSession } from "@/app/_auth/session";
import { CoachesList } from "@/app/_components/coaching/coaches-list";
import { api, HydrateClient } from "@/app/_trpc/server";

export const metadata = { title: "Account · Speech Coach" };

export default async function AccountPage() {
  const { user } = await requireSession();
  await api.coach.coaches.prefetch();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Account</h1>
      <p>
        {user.name} · {user.email} · <span className="capitalize">{user.role}</span>
      </p>
      <section aria-labelledby="coaches-heading" className="space-y-3">
        <h2 id="coaches-heading" className="text-lg font-semibold">
          Your coaches
        </h2>
        <HydrateClient>
          <CoachesList />
        </HydrateClient>
      </section>
    </div>
  );
}
