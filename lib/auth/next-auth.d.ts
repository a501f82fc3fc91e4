// What our sessions carry beyond Auth.js defaults (module augmentation, as the Auth.js TypeScript guide shows).
import type { Role } from "@prisma/client";
import type { Locale } from "@/lib/i18n/locales";

type PortalClaims = {
  role: Role;
  officeCode: string | null;
  officerId: string | null;
  locale: Locale;
};

declare module "next-auth" {
  interface User extends Partial<PortalClaims> {
    // The user's session version at sign-in (docs/decisions/028-revocable-sessions.md).
    sessionVersion?: number;
  }
  interface Session {
    user: PortalClaims & { id: string; email: string; name: string };
  }
}

declare module "@auth/core/jwt" {
  interface JWT extends Partial<PortalClaims> {
    // Seconds since the epoch of the sign-in; sessions end SESSION_MAX_AGE_SECONDS after it, however active.
    signedInAt?: number;
    // Must equal users.session_version for the session to be honoured (docs/decisions/028-revocable-sessions.md).
    sessionVersion?: number;
  }
}
