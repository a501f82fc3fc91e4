// Proxy (Next 16's name for middleware): sends anonymous visitors of portal pages to /login, keeping where they were
// going in callbackUrl. It decides nothing else: roles are checked by the guards in lib/auth/guards.ts.
import NextAuth from "next-auth";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { authConfig, LOGIN_PATH } from "@/lib/auth/config";

const { auth } = NextAuth(authConfig);

const redirectAnonymous = auth((request) => {
  if (request.auth?.user) return NextResponse.next();
  const login = new URL(LOGIN_PATH, request.nextUrl.origin);
  login.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(login);
});

export async function proxy(request: NextRequest, event: NextFetchEvent) {
  // With a lazily built config (see authConfig), Auth.js hands the wrapped handler back as a promise.
  const handler = await redirectAnonymous;
  // Typed for route handlers; as a proxy it receives (request, event) and passes the event through untouched.
  return handler(request, event as unknown as Parameters<typeof handler>[1]);
}

export const config = {
  // API routes answer 401 JSON themselves (withRole); the login page and static assets stay open.
  matcher: ["/((?!api/|login|_next/static|_next/image|favicon\\.ico|.*\\.(?:png|svg|ico|woff2?|txt)$).*)"],
};
