// Who is signed in, read from the Auth.js session cookie without Auth.js's request pipeline. Auth.js's own auth()
// decrypts the cookie and then encrypts a fresh one on every call, which costs more CPU than rendering a small page;
// the re-issued cookie buys nothing here because sessions end a fixed time after sign-in (session-expiry.ts). So the
// proxy and the guards decode only, with Auth.js's decode(), and remember each token they decoded until it expires.
import { cache } from "react";
import { headers } from "next/headers";
import { decode, getToken, type JWT } from "next-auth/jwt";
import { env } from "@/lib/env";
import { authSecret } from "@/lib/auth/config";
import { sessionHasExpired } from "@/lib/auth/session-expiry";

const CACHE_SIZE = 1000;
const decoded = new Map<string, JWT>();

// A token is the credential itself: a token seen before decodes to the same payload, until its `exp`.
async function decodeRemembered(params: Parameters<typeof decode>[0]): Promise<JWT | null> {
  const key = `${params.salt}\u0000${params.token}`;
  const now = Date.now() / 1000;
  const known = decoded.get(key);
  if (known && typeof known.exp === "number" && known.exp > now) return known;
  decoded.delete(key);
  const payload = await decode(params);
  if (payload) {
    if (decoded.size >= CACHE_SIZE) decoded.delete(decoded.keys().next().value!);
    decoded.set(key, payload);
  }
  return payload;
}

// The session of a request's Cookie header, or null: no cookie, a token that does not decrypt or has expired, or a
// session past its absolute limit. The __Secure- cookie (set over HTTPS) wins over the plain one.
export async function readSessionToken(cookieHeader: string | null): Promise<JWT | null> {
  if (!cookieHeader) return null;
  // Only the cookie is passed on: getToken would otherwise also accept an Authorization: Bearer header.
  const req = { headers: { cookie: cookieHeader } };
  for (const secureCookie of [true, false]) {
    const token = await getToken({ req, secret: authSecret(), secureCookie, decode: decodeRemembered });
    if (!token) continue;
    return token.sub && !sessionHasExpired(token.signedInAt, Math.floor(Date.now() / 1000), env.SESSION_MAX_AGE_SECONDS)
      ? token
      : null;
  }
  return null;
}

// The session of the request being rendered, once per request however many components ask.
export const requestSessionToken = cache(async () => readSessionToken((await headers()).get("cookie")));
