// Sessions end a fixed time after sign-in. Auth.js re-issues the JWT cookie on activity (a sliding window), which
// alone would keep a busy session open forever; an absolute limit is expected of a government back-office.
export function sessionHasExpired(signedInAt: number | undefined, nowSeconds: number, maxAgeSeconds: number): boolean {
  return signedInAt === undefined || nowSeconds - signedInAt >= maxAgeSeconds;
}
