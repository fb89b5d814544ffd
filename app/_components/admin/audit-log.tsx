"use client";
import { useState, type FormEvent } from "react";
import { formatDate } from "@/app/_lib/time";
import { api } from "@/app/_trpc/client";
import type { RouterInputs } from "@/app/_trpc/types";

type Filter = RouterInputs["admin"]["auditLog"];
type AuditEvent = NonNullable<Filter["event"]>;


/** The audit trail, newest first, filtered by a user's e-mail and an event. */
export function AuditLog() {
  const [filter, setFilter] = useState<Filter>({});
  const log = api.admin.auditLog.useQuery(filter);
  const events = api.admin.auditEvents.useQuery();

  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const userEmail = String(form.get("userEmail") ?? "").trim();
    const chosen = String(form.get("event") ?? "");
    setFilter({
      ...(userEmail && { userEmail }),
      ...(chosen && { event: chosen as AuditEvent }),
    });
  };

  return (
    <section aria-labelledby="audit-heading" className="space-y-3">
      <h2 id="audit-heading" className="text-lg font-semibold">
        Audit log
      </h2>
      <form onSubmit={apply} className="flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col">
          User e-mail
          <input name="userEmail" type="email" className="rounded border border-slate-300 px-2 py-1" />
        </label>
        <label className="flex flex-col">
          Event
          <select name="event" className="rounded border border-slate-300 px-2 py-1">
            <option value="">Any event</option>
            {events.data?.map((event) => (
              <option key={event}>{event}</option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded bg-blue-700 px-3 py-1.5 font-medium text-white">
          Filter
        </button>
      </form>
      {log.error && <p role="alert" className="text-red-800">{log.error.message}</p>}
      <table className="w-full rounded-lg bg-white text-left text-sm">
        <caption className="sr-only">Audit events, newest first</caption>
        <thead className="bg-slate-100">
          <tr>
            <th scope="col" className="p-2">Time</th>
            <th scope="col" className="p-2">Event</th>
            <th scope="col" className="p-2">Actor</th>
            <th scope="col" className="p-2">Subject</th>
            <th scope="col" className="p-2">Client address</th>
            <th scope="col" className="p-2">Details</th>
          </tr>
        </thead>
        <tbody>
          {log.data?.items.length === 0 && (
            <tr>
              <td colSpan={6} className="p-2 text-slate-600">No events match.</td>
            </tr>
          )}
          {log.data?.items.map((item) => (
            <tr key={item.id} className="border-t border-slate-100">
              <td className="p-2">{formatDate(item.at)}</td>
              <td className="p-2">{item.event}</td>
              <td className="p-2">{item.actor ?? "—"}</td>
              <td className="p-2">{item.subject ?? "—"}</td>
              <td className="p-2">{item.clientAddress ?? "—"}</td>
              <td className="p-2 font-mono text-xs">
                {[item.recordingId && `recording ${item.recordingId}`, item.detail].filter(Boolean).join(" ")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
