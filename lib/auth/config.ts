// Auth.js settings shared by the app and the proxy. Nothing here touches the database or argon2, so the proxy
// can decode sessions without loading them (the split-config pattern of the Auth.js docs).
import type { NextAuthConfig } from "next-auth";
import { env } from "@/lib/env";
import { sessionHasExpired } from "@/lib/auth/session-expiry";
import { ROLES } from "@/lib/auth/session-user";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";

export const LOGIN_PATH = "/login";

// Development and tests may run without AUTH_SECRET; a production server must never sign sessions with a known key.
const DEVELOPMENT_ONLY_SECRET = "pmc-portal-development-secret-do-not-use-in-production";

export function authSecret(): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (env.NODE_ENV === "production") {
    throw new Error(
      "AUTH_SECRET is not set: generate one with `openssl rand -base64 32` and set it in the environment.",
    );
  }
  return DEVELOPMENT_ONLY_SECRET;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

// A function, not a constant: Auth.js calls it per request, so a missing AUTH_SECRET fails the first request with
// a clear message instead of failing `next build`, which evaluates modules without the runtime environment.
export function authConfig(): NextAuthConfig {
  return {
    secret: authSecret(),
    trustHost: true,
    session: { strategy: "jwt", maxAge: env.SESSION_MAX_AGE_SECONDS },
    pages: { signIn: LOGIN_PATH },
    providers: [],
    callbacks: {
      jwt({ token, user }) {
        if (user?.id && user.role) {
          token.sub = user.id;
          token.role = user.role;
          token.officeCode = user.officeCode ?? null;
          token.officerId = user.officerId ?? null;
          token.locale = user.locale ?? DEFAULT_LOCALE;
          token.signedInAt = nowSeconds();
          token.sessionVersion = user.sessionVersion;
        }
        return sessionHasExpired(token.signedInAt, nowSeconds(), env.SESSION_MAX_AGE_SECONDS) ? null : token;
      },
      session({ session, token }) {
        const role = ROLES.find((r) => r === token.role);
        if (token.sub && role) {
          session.user = {
            ...session.user,
            id: token.sub,
            email: token.email ?? "",
            name: token.name ?? "",
            role,
            officeCode: token.officeCode ?? null,
            officerId: token.officerId ?? null,
            locale: isLocale(token.locale) ? token.locale : DEFAULT_LOCALE,
          };
        }
        return session;
      },
    },
  };
}
