// Sessions end a fixed time after sign-in. Auth.js re-issues the JWT cookie on activity (a sliding window: its
// session endpoint still does), which alone would keep a busy session open forever; an absolute limit is expected of
// a government back-office. The portal's own reads (session-token.ts) never re-issue it.
export function sessionHasExpired(signedInAt: number | undefined, nowSeconds: number, maxAgeSeconds: number): boolean {
  return signedInAt === undefined || nowSeconds - signedInAt >= maxAgeSeconds;
}
