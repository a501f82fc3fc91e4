// Auth.js instance of the portal: email + password (credentials provider), JWT sessions
// (docs/decisions/010-auth-credentials-jwt.md).
import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { authConfig } from "@/lib/auth/config";
import { authenticateUser } from "@/lib/auth/authenticate-user";
import { logger } from "@/lib/logger";

// Thrown from authorize(); Auth.js hands the same instance back to the login server action, which turns it into
// a localized message. Codes are deliberately coarse: "invalid" never says whether the email exists.
export class LoginRefused extends CredentialsSignin {
  constructor(
    readonly reason: "invalid" | "inactive" | "rate_limited",
    readonly retryAfterSeconds = 0,
  ) {
    super(reason);
    this.code = reason;
  }
}

const CredentialsInput = z.object({ email: z.string().min(1).max(320), password: z.string().min(1).max(1000) });

// The first address of X-Forwarded-For is the client as seen by the front proxy (Next's own server sets it too).
function clientIp(request: Request): string {
  return request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || request.headers.get("x-real-ip") || "unknown";
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  ...authConfig(),
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const input = CredentialsInput.safeParse(credentials);
        if (!input.success) throw new LoginRefused("invalid");
        const outcome = await authenticateUser({ ...input.data, ip: clientIp(request) });
        if (!outcome.ok) {
          throw new LoginRefused(outcome.reason, outcome.reason === "rate_limited" ? outcome.retryAfterSeconds : 0);
        }
        return outcome.user;
      },
    }),
  ],
  logger: {
    // A refused login is an expected outcome, not a server error.
    error(error) {
      if (error instanceof CredentialsSignin) logger.info({ code: error.code }, "login refused");
      else logger.error({ err: error }, "auth error");
    },
    warn(code) {
      logger.warn({ code }, "auth warning");
    },
  },
}));
