"use client";
import Link from "next/link";
import { useState } from "react";
import { formatDate } from "@/app/_lib/time";
import { getErrorMessage } from "@/app/_lib/errors";
import { api } from "@/app/_trpc/client";
import { FailureMessage } from "../feedback/failure-message";
import { InvitePanel } from "./invite-panel";

export function StudentsScreen() {
  const utils = api.useUtils();
  const students = api.coach.students.useQuery();
  const unlink = api.coach.unlink.useMutation({ onSuccess: () => void utils.coach.students.invalidate() });
  const [confirming, setConfirming] = useState<string | null>(null);

  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">Your students</h1>
      <FailureMessage error={unlink.error} action="end the link" />
      {students.isPending ? (
        <p aria-busy="true">Loading students…</p>
      ) : students.isError ? (
        <div role="alert">
          <p className="text-red-800">Could not load your students: {getErrorMessage(students.error)}</p>
          <button type="button" onClick={() => void students.refetch()} className="mt-2 underline">
            Try again
          </button>
        </div>
      ) : students.data.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center">No students yet: create an invite link below and send it to them.</p>
      ) : (
        <table className="w-full overflow-hidden rounded-lg bg-white text-left text-sm">
          <caption className="sr-only">Students and their recordings</caption>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="p-3">Student</th>
              <th scope="col" className="p-3">Recordings</th>
              <th scope="col" className="p-3">Latest</th>
              <th scope="col" className="p-3">To review</th>
              <th scope="col" className="p-3"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {students.data.map((student) => (
              <tr key={student.id} className="border-t border-slate-200">
                <th scope="row" className="p-3 font-medium">
                  <Link href={`/recordings?student=${student.id}`} className="text-blue-700 underline">
                    {student.name}
                  </Link>
                  <span className="block text-xs font-normal text-slate-600">{student.email}</span>
                  <Link href={`/progress?student=${student.id}`} className="text-xs font-normal text-blue-700 underline">
                    Progress
                  </Link>
                </th>
                <td className="p-3">{student.recordingCount}</td>
                <td className="p-3">{student.latestRecordingAt ? formatDate(student.latestRecordingAt) : "—"}</td>
                <td className="p-3">
                  {student.recordingCount === 0 ? (
                    "—"
                  ) : student.unreviewedCount > 0 ? (
                    <span className="rounded-full bg-violet-100 px-2 py-0.5 font-medium text-violet-900">{student.unreviewedCount} not reviewed</span>
                  ) : (
                    "All reviewed"
                  )}
                </td>
                <td className="p-3 text-right">
                  {confirming === student.id ? (
                    <span className="flex justify-end gap-2">
                      <button type="button" onClick={() => unlink.mutate({ userId: student.id })} className="rounded bg-red-600 px-2 py-1 text-white">
                        End link with {student.name}
                      </button>
                      <button type="button" onClick={() => setConfirming(null)} className="underline">
                        Keep
                      </button>
                    </span>
                  ) : (
                    <button type="button" onClick={() => setConfirming(student.id)} className="text-red-700 underline">
                      Remove<span className="sr-only"> {student.name}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <InvitePanel />
    </div>
  );
}
