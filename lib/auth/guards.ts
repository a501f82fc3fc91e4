// The real access checks (the proxy only redirects anonymous visitors). Pages and server actions call
// requireUser / requireRole / requireArea; route handlers are wrapped in withRole
// (docs/decisions/013-guards-and-403.md).
import "server-only";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import type { Role } from "@prisma/client";
import { z } from "zod";
import { requestSessionToken } from "@/lib/auth/session-token";
import { LOGIN_PATH } from "@/lib/auth/config";
import { loadActiveSessionUser } from "@/lib/auth/load-session-user";
import { canOpenArea, type AreaId } from "@/lib/auth/areas";
import type { SessionUser } from "@/lib/auth/session-user";
import { AppError } from "@/lib/kernel/app-error";

// Once per request, however many components ask.
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const token = await requestSessionToken();
  // A token issued before sessions carried a version is not honoured: its user signs in again.
  return token?.sub && typeof token.sessionVersion === "number"
    ? loadActiveSessionUser(token.sub, token.sessionVersion)
    : null;
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

function errorResponse(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status });
}

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

// Route handler wrapper: 401 JSON when anonymous, 403 JSON for a wrong role, AppError → its status,
// an invalid input (zod) → 422.
export function withRole<Context extends RouteContext>(
  roles: readonly Role[],
  handler: (request: Request, context: Context & { user: SessionUser }) => Promise<Response>,
): (request: Request, context: Context) => Promise<Response> {
  return async (request, context) => {
    const user = await getCurrentUser();
    if (!user) return errorResponse(401, "UNAUTHENTICATED", "Sign in required");
    if (!roles.includes(user.role)) return errorResponse(403, "FORBIDDEN", "Your role does not allow this action");
    try {
      return await handler(request, { ...context, user });
    } catch (error) {
      if (error instanceof AppError) return errorResponse(error.status, error.code, error.message);
      if (error instanceof z.ZodError) return errorResponse(422, "INVALID", z.prettifyError(error));
      throw error;
    }
  };
}
