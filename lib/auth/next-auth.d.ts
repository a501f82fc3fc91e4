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
  // Module augmentation needs an interface, even an empty one.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface User extends Partial<PortalClaims> {}
  interface Session {
    user: PortalClaims & { id: string; email: string; name: string };
  }
}

declare module "@auth/core/jwt" {
  interface JWT extends Partial<PortalClaims> {
    // Seconds since the epoch of the sign-in; sessions end SESSION_MAX_AGE_SECONDS after it, however active.
    signedInAt?: number;
  }
}
