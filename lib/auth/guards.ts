// The real access checks (the proxy only redirects anonymous visitors). Pages and server actions call
// requireUser / requireRole / requireArea; route handlers are wrapped in withRole
// (docs/decisions/013-guards-and-403.md).
import "server-only";
import { cache } from "react";
import { forbidden, redirect, unstable_rethrow } from "next/navigation";
import type { Role } from "@prisma/client";
import { z } from "zod";
import { requestSessionToken } from "@/lib/auth/session-token";
import { LOGIN_PATH } from "@/lib/auth/config";
import { loadActiveSessionUser } from "@/lib/auth/load-session-user";
import { canOpenArea, type AreaId } from "@/lib/auth/areas";
import type { SessionUser } from "@/lib/auth/session-user";
import { AppError } from "@/lib/kernel/app-error";
import { DomainError } from "@/lib/kernel/domain-error";
import { apiErrorResponse } from "@/lib/http/api-error";

// Once per request, however many components ask.
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const token = await requestSessionToken();
  return token?.sub ? loadActiveSessionUser(token.sub, token.sessionVersion ?? 0) : null;
});

export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(LOGIN_PATH);
  return user;
}

// Renders app/(portal)/forbidden.tsx with HTTP 403 when the role is not allowed.
export async function requireRole(roles: readonly Role[]): Promise<SessionUser> {
  const user = await requireUser();
  if (!roles.includes(user.role)) forbidden();
  return user;
}

export async function requireArea(area: AreaId): Promise<SessionUser> {
  const user = await requireUser();
  if (!canOpenArea(user, area)) forbidden();
  return user;
}

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

// Route handler wrapper: 401 JSON when anonymous, 403 JSON for a wrong role, AppError → its status, an invalid input
// (zod) → 422 naming the fields, anything else → 500; each with a stable code, a translated sentence and the request
// id (lib/http/api-error.ts).
export function withRole<Context extends RouteContext>(
  roles: readonly Role[],
  handler: (request: Request, context: Context & { user: SessionUser }) => Promise<Response>,
): (request: Request, context: Context) => Promise<Response> {
  return async (request, context) => {
    const user = await getCurrentUser();
    if (!user) return apiErrorResponse({ status: 401, code: "UNAUTHENTICATED" });
    if (!roles.includes(user.role)) return apiErrorResponse({ status: 403, code: "FORBIDDEN" });
    try {
      return await handler(request, { ...context, user });
    } catch (error) {
      // Next.js's own signals (notFound(), redirect()) are not errors.
      unstable_rethrow(error);
      if (error instanceof AppError) {
        const values = error instanceof DomainError ? error.values : {};
        return apiErrorResponse({ status: error.status, code: error.code, reason: error.message, values });
      }
      if (error instanceof z.ZodError) {
        const fields = [...new Set(error.issues.map((issue) => issue.path.join(".") || "body"))];
        return apiErrorResponse({ status: 422, code: "INVALID", fields, cause: z.prettifyError(error) });
      }
      return apiErrorResponse({ status: 500, code: "INTERNAL", cause: error });
    }
  };
}
