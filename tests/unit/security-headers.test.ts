// The policy proxy.ts sends with every page and route.
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, servedOverHttps, staticSecurityHeaders } from "@/lib/http/security-headers";

const directive = (policy: string, name: string) =>
  policy
    .split(";")
    .map((d) => d.trim())
    .find((d) => d.startsWith(`${name} `));

describe("contentSecurityPolicy", () => {
  it("allows scripts only with the nonce, never inline, and forbids framing", () => {
    const policy = contentSecurityPolicy("abc123", { development: false, https: false });
    expect(directive(policy, "script-src")).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(policy).not.toContain("unsafe-eval");
    expect(directive(policy, "frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(directive(policy, "object-src")).toBe("object-src 'none'");
    expect(policy).not.toContain("upgrade-insecure-requests");
  });

  it("lets development builds evaluate code, and upgrades requests over HTTPS", () => {
    expect(contentSecurityPolicy("n", { development: true, https: false })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy("n", { development: false, https: true })).toContain("upgrade-insecure-requests");
  });
});

describe("staticSecurityHeaders", () => {
  it("sends nosniff, a referrer policy and no HSTS over plain HTTP", () => {
    const headers = new Map(staticSecurityHeaders({ https: false }));
    expect(headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(headers.get("Referrer-Policy")).toBe("same-origin");
    expect(headers.has("Strict-Transport-Security")).toBe(false);
  });

  it("adds HSTS over HTTPS", () => {
    const headers = new Map(staticSecurityHeaders({ https: true }));
    expect(headers.get("Strict-Transport-Security")).toMatch(/^max-age=\d{8,}/);
  });
});

describe("servedOverHttps", () => {
  it("believes X-Forwarded-Proto only from a trusted proxy", () => {
    const http = new URL("http://portal.example/dashboard");
    expect(servedOverHttps(http, "https", 0)).toBe(false);
    expect(servedOverHttps(http, "https", 1)).toBe(true);
    expect(servedOverHttps(new URL("https://portal.example/"), null, 0)).toBe(true);
  });
});
