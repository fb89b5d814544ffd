import { getErrorMessage } from "@/app/_lib/errors";

/** Says why an action failed, where the action is; nothing while there is no failure. */
export function FailureMessage({ error, action, className = "" }: { error: unknown; action: string; className?: string }) {
  if (!error) return null;
  return (
    <p role="alert" className={`text-sm text-red-800 ${className}`}>
      Could not {action}: {getErrorMessage(error)}
    </p>
  );
}
