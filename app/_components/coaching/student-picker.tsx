"use client";
import { useRouter } from "next/navigation";

/** A coach's choice of whose page to see: themselves or one of their students (`?student=ID`). */
export function StudentPicker({
  label,
  path,
  studentId,
  students,
  className = "",
}: {
  label: string;
  path: string;
  studentId: string | null | undefined;
  students: { id: string; name: string }[];
  className?: string;
}) {
  const router = useRouter();
  return (
    <label className={className}>
      <span className="mr-2 font-medium">{label}</span>
      <select
        value={studentId ?? ""}
        onChange={(event) => router.push(event.target.value ? `${path}?student=${event.target.value}` : path)}
        className="rounded border border-slate-300 px-2 py-1"
      >
        <option value="">Myself</option>
        {students.map((student) => (
          <option key={student.id} value={student.id}>
            {student.name}
          </option>
        ))}
      </select>
    </label>
  );
}
