import type { SessionUser } from "../api/context";
import { callerFor, createUser, linkCoach, uploadRecording } from "./helpers";

/** Everyone an authorization matrix asks about; "anonymous" has no session. */
export type Actor = "owner" | "linkedCoach" | "unlinkedCoach" | "otherStudent" | "anonymous";
export const ACTORS: Actor[] = ["anonymous", "otherStudent", "unlinkedCoach", "linkedCoach", "owner"];

/** A student who owns one ready recording, their coach, and two people with no link to them. */
export async function createCast() {
  const users: Record<Exclude<Actor, "anonymous">, SessionUser> = {
    owner: await createUser("student"),
    linkedCoach: await createUser("coach"),
    unlinkedCoach: await createUser("coach"),
    otherStudent: await createUser("student"),
  };
  await linkCoach(users.linkedCoach, users.owner);
  const recordingId = (await uploadRecording(users.owner, "speech-short.wav")).id;
  const caller = (actor: Actor) => callerFor(actor === "anonymous" ? null : users[actor]);
  return { users, recordingId, caller };
}
