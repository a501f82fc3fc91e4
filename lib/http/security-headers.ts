// The headers every response of the portal carries (docs/security.md, "V3/V14"). Pure, so the policy is unit-tested;
// proxy.ts sets them. Scripts run only with the request's nonce ('strict-dynamic' lets Next.js's own loader add its
// chunks); styles may be inline because the charts and Tremor set style attributes, which cannot carry a nonce.
export const REQUEST_ID_HEADER = "x-request-id";

export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

export function newRequestId(): string {
  return crypto.randomUUID();
}

export function contentSecurityPolicy(nonce: string, options: { development: boolean; https: boolean }): string {
  const directives = [
    "default-src 'self'",
    // Development builds evaluate source maps and hot-reloaded modules.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

// The headers that do not depend on the request's nonce.
export function staticSecurityHeaders(options: { https: boolean }): [string, string][] {
  return [
    ["X-Content-Type-Options", "nosniff"],
    // For browsers that predate frame-ancestors.
    ["X-Frame-Options", "DENY"],
    ["Referrer-Policy", "same-origin"],
    ["Cross-Origin-Opener-Policy", "same-origin"],
    ["Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"],
    // Only over HTTPS: sent over plain HTTP it would be ignored, and a demo on http://127.0.0.1 must stay reachable.
    ...(options.https
      ? ([["Strict-Transport-Security", "max-age=31536000; includeSubDomains"]] as [string, string][])
      : []),
  ];
}

// Over HTTPS when the server's own URL says so, or when a trusted reverse proxy says it received HTTPS.
export function servedOverHttps(url: URL, forwardedProto: string | null, trustedHops: number): boolean {
  if (url.protocol === "https:") return true;
  if (trustedHops <= 0 || !forwardedProto) return false;
  return forwardedProto.split(",")[0]!.trim().toLowerCase() === "https";
}
