// Proxy (Next 16's name for middleware). For every page and route: the security headers, a Content-Security-Policy
// whose nonce Next.js puts on its own scripts, and a request id that error messages show and the log records
// (docs/security.md). For portal pages it also sends anonymous visitors to /login, keeping where they were going in
// callbackUrl, and answers a signed-in session's repeat views of the dashboards from the page cache, whose pages were
// rendered, guards and all, for that same session and data (docs/decisions/026-rendered-page-cache.md); before that
// it checks that the session has not been ended (docs/decisions/028-revocable-sessions.md). Roles are checked by the
// guards in lib/auth/guards.ts.
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { LOGIN_PATH } from "@/lib/auth/config";
import { readSessionToken } from "@/lib/auth/session-token";
import { sessionIsCurrent } from "@/lib/auth/current-session-version";
import { serveCachedPage, servesFromPageCache } from "@/lib/page-cache/serve-cached-page";
import {
  REQUEST_ID_HEADER,
  contentSecurityPolicy,
  newNonce,
  newRequestId,
  servedOverHttps,
  staticSecurityHeaders,
} from "@/lib/http/security-headers";

// Open to anonymous visitors: the sign-in page, and the API, whose routes answer 401 JSON themselves (withRole).
const isOpenPath = (pathname: string) => pathname === LOGIN_PATH || pathname.startsWith("/api/");

function loginRedirect(request: NextRequest): NextResponse {
  // Absolute, so that no layer can turn it into a relative Location it fails to parse.
  const login = new URL(LOGIN_PATH, request.nextUrl.origin);
  login.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(login);
}

export async function proxy(request: NextRequest) {
  const https = servedOverHttps(request.nextUrl, request.headers.get("x-forwarded-proto"), env.TRUST_PROXY_HOPS);
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { development: env.NODE_ENV === "development", https });
  const requestId = newRequestId();
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(REQUEST_ID_HEADER, requestId);
  // Next.js reads the nonce for its scripts from the request's policy.
  requestHeaders.set("content-security-policy", csp);

  let response: Response;
  let keepsOwnPolicy = false;
  const token = isOpenPath(request.nextUrl.pathname) ? null : await readSessionToken(request.headers.get("cookie"));
  if (isOpenPath(request.nextUrl.pathname)) {
    response = NextResponse.next({ request: { headers: requestHeaders } });
  } else if (!token) {
    response = loginRedirect(request);
  } else if (servesFromPageCache(request)) {
    // A kept page must never answer a session that has since been ended: check before looking.
    if (await sessionIsCurrent(token)) {
      response = await serveCachedPage(request, requestHeaders);
      // A kept page carries the policy whose nonce its scripts were rendered with.
      keepsOwnPolicy = response.headers.has("content-security-policy");
    } else response = loginRedirect(request);
  } else {
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }

  for (const [name, value] of staticSecurityHeaders({ https })) response.headers.set(name, value);
  if (!keepsOwnPolicy) response.headers.set("Content-Security-Policy", csp);
  if (!response.headers.has(REQUEST_ID_HEADER)) response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

export const config = {
  // Everything but the build's static files and images.
  matcher: ["/((?!_next/static|_next/image|favicon\\.ico|.*\\.(?:png|svg|ico|woff2?|txt)$).*)"],
};
