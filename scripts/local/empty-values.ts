/** Empty values mean unset: a .env copied from .env.example leaves many variables empty. */
export function dropEmptyValues(env: Record<string, string | undefined>) {
  for (const [name, value] of Object.entries(env)) {
    if (value?.trim() === "") delete env[name];
  }
}
