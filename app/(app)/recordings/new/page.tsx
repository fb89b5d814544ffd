import { NewRecordingScreen } from "@/app/_components/upload/new-recording-screen";
import { env } from "@/server/env";

export const metadata = { title: "New recording · Speech Coach" };

export default function NewRecordingPage() {
  return <NewRecordingScreen maxUploadBytes={env.MAX_UPLOAD_BYTES} />;
}
