import { requireSession } from "@/app/_auth/session";
import { RecentlyDeletedScreen } from "@/app/_components/recordings/recently-deleted-screen";

export const metadata = { title: "Recently deleted · Speech Coach" };

export default async function RecentlyDeletedPage() {
  await requireSession();
  return <RecentlyDeletedScreen />;
}
