// Auth.js instance of the portal: email + password (credentials provider), JWT sessions
// (docs/decisions/010-auth-credentials-jwt.md).
import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { authConfig } from "@/lib/auth/config";
import { authenticateUser } from "@/lib/auth/authenticate-user";
import { clientAddress } from "@/lib/auth/client-address";
import { sessionIsCurrent } from "@/lib/auth/current-session-version";
import { endUserSessions } from "@/lib/auth/end-user-sessions";
import { writeAudit } from "@/lib/audit";
import { env } from "@/lib/env";
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

export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const config = authConfig();
  return {
    ...config,
    callbacks: {
      ...config.callbacks,
      // Auth.js's own endpoints (/api/auth/session) honour a session only while its user is active and has not had
      // their sessions ended; the portal's guards check the same on every request.
      async jwt(params) {
        const token = await config.callbacks!.jwt!(params);
        if (!token || params.user) return token;
        return (await sessionIsCurrent(token)) ? token : null;
      },
    },
    events: {
      // Signing out ends every session of the user, so a copied cookie stops working too.
      async signOut(message) {
        const token = "token" in message ? message.token : null;
        // Only a current session may end the others: an old copied cookie must not keep signing its owner out.
        if (!token?.sub || !(await sessionIsCurrent(token))) return;
        const userId = token.sub;
        if (await endUserSessions(userId)) {
          await writeAudit({ actorId: userId, action: "auth.sign_out", entityType: "user", entityId: userId });
        }
      },
    },
    providers: [
      Credentials({
        credentials: { email: {}, password: {} },
        async authorize(credentials, request) {
          const input = CredentialsInput.safeParse(credentials);
          if (!input.success) throw new LoginRefused("invalid");
          const ip = clientAddress(request.headers, env.TRUST_PROXY_HOPS);
          const outcome = await authenticateUser({ ...input.data, ip });
          if (!outcome.ok) {
            throw new LoginRefused(outcome.reason, outcome.reason === "rate_limited" ? outcome.retryAfterSeconds : 0);
          }
          return { ...outcome.user, sessionVersion: outcome.sessionVersion };
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
  };
});
