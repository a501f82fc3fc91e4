// Proxy (Next 16's name for middleware): sends anonymous visitors of portal pages to /login, keeping where they were
// going in callbackUrl, and answers a signed-in session's repeat views of the dashboards from the page cache, whose
// pages were rendered, guards and all, for that same session and data (docs/decisions/026-rendered-page-cache.md).
// It decides nothing else: roles are checked by the guards in lib/auth/guards.ts.
import { NextResponse, type NextRequest } from "next/server";
import { LOGIN_PATH } from "@/lib/auth/config";
import { readSessionToken } from "@/lib/auth/session-token";
import { serveCachedPage, servesFromPageCache } from "@/lib/page-cache/serve-cached-page";

export async function proxy(request: NextRequest) {
  if (await readSessionToken(request.headers.get("cookie"))) {
    return servesFromPageCache(request) ? serveCachedPage(request) : NextResponse.next();
  }
  const login = new URL(LOGIN_PATH, request.nextUrl.origin);
  login.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(login);
}

export const config = {
  // API routes answer 401 JSON themselves (withRole); the login page and static assets stay open.
  matcher: ["/((?!api/|login|_next/static|_next/image|favicon\\.ico|.*\\.(?:png|svg|ico|woff2?|txt)$).*)"],
};
