// Where to send a user after sign-in. Only same-site paths are accepted, so a crafted
// /login?callbackUrl=https://elsewhere (or //elsewhere, /\elsewhere) cannot turn the login page into an open redirect.
const PROBE_ORIGIN = "http://pmc.invalid";

export function safeCallbackPath(value: unknown): string | null {
  if (typeof value !== "string" || !value.startsWith("/")) return null;
  let url: URL;
  try {
    url = new URL(value, PROBE_ORIGIN);
  } catch {
    return null;
  }
  // Browsers read "//host" and "/\host" as another site; URL parsing does the same, so the origin check catches them.
  if (url.origin !== PROBE_ORIGIN) return null;
  // The login page and the auth endpoints are never a useful destination.
  if (url.pathname === "/login" || url.pathname.startsWith("/api/auth")) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}
