import { describe, expect, it } from "vitest";
import { PageStore, type StoredPage } from "@/lib/page-cache/page-store";
import {
  isCacheableRequest,
  isKeepableResponse,
  pageCacheKey,
  pageHeaders,
  streamedAnError,
} from "@/lib/page-cache/page-cache-policy";

const page = (bytes: number): StoredPage => ({
  status: 200,
  headers: [["content-type", "text/html"]],
  body: new Uint8Array(bytes),
});
const headers = (values: Record<string, string>) => ({ get: (name: string) => values[name] ?? null });
const DOCUMENT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
const request = (
  pathname: string,
  values: Record<string, string> = { cookie: "authjs.session-token=a" },
  method = "GET",
  search = "",
) => ({
  method,
  pathname,
  search,
  headers: headers({ accept: DOCUMENT, ...values }),
});

describe("PageStore", () => {
  it("forgets a page once its time is up", () => {
    const store = new PageStore(1000, 60_000);
    store.set("a", page(10), 0);
    expect(store.get("a", 59_999)?.body.byteLength).toBe(10);
    expect(store.get("a", 60_000)).toBeNull();
    expect(store.size).toEqual({ pages: 0, bytes: 0 });
  });

  it("stays within its byte budget by dropping the least recently used pages", () => {
    const store = new PageStore(1000, 60_000);
    store.set("a", page(200), 0);
    store.set("b", page(200), 0);
    store.set("c", page(200), 0);
    store.set("d", page(200), 0);
    store.set("e", page(200), 0);
    store.get("a", 1); // a is now the most recently used
    store.set("f", page(200), 2);
    expect(store.get("b", 3)).toBeNull();
    expect(store.get("a", 3)).not.toBeNull();
    expect(store.size).toEqual({ pages: 5, bytes: 1000 });
  });

  it("does not keep a page larger than a quarter of the budget", () => {
    const store = new PageStore(1000, 60_000);
    expect(store.set("big", page(251), 0)).toBe(false);
    expect(store.set("fits", page(250), 0)).toBe(true);
    expect(store.size).toEqual({ pages: 1, bytes: 250 });
  });

  it("counts a page set twice once", () => {
    const store = new PageStore(1000, 60_000);
    store.set("a", page(100), 0);
    store.set("a", page(150), 0);
    expect(store.size).toEqual({ pages: 1, bytes: 150 });
  });
});

describe("page cache policy", () => {
  it("answers only signed-in GETs of the dashboards that read stored results", () => {
    for (const path of [
      "/dashboard",
      "/dashboard/offices/CMDLA1",
      "/dashboard/offices/CMDLA1/units/Assessment%20A",
      "/me",
      "/explore/kpi",
      "/explore/declarations/2025-X-1",
    ]) {
      expect(isCacheableRequest(request(path)), path).toBe(true);
    }
    for (const path of [
      "/contracts",
      "/me/contracts/3",
      "/me/contracts/3/print",
      "/integrity/flags",
      "/data/imports",
      "/explore",
      "/dashboard/offices",
    ]) {
      expect(isCacheableRequest(request(path)), path).toBe(false);
    }
    expect(isCacheableRequest(request("/dashboard", { cookie: "a=b" }, "POST"))).toBe(false);
    expect(isCacheableRequest(request("/dashboard", {}))).toBe(false);
    expect(isCacheableRequest(request("/dashboard", { cookie: "a=b", "x-pmc-page-cache": "bypass" }))).toBe(false);
    // Next.js's client navigation and prefetch of the same URL (its RSC headers are hidden from the proxy).
    expect(isCacheableRequest(request("/dashboard", { cookie: "a=b", accept: "*/*" }))).toBe(false);
  });

  it("keys a page by its URL, the session, the language, the database state and the day", () => {
    const base = pageCacheKey(
      request("/dashboard", { cookie: "s=1" }, "GET", "?month=2025-03"),
      "10:12:",
      "2026-12-02",
    );
    expect(
      pageCacheKey(request("/dashboard", { cookie: "s=1" }, "GET", "?month=2025-03"), "10:12:", "2026-12-02"),
    ).toBe(base);
    const variants = [
      pageCacheKey(request("/dashboard", { cookie: "s=1" }, "GET", "?month=2025-04"), "10:12:", "2026-12-02"),
      pageCacheKey(request("/dashboard", { cookie: "s=2" }, "GET", "?month=2025-03"), "10:12:", "2026-12-02"),
      pageCacheKey(
        request("/dashboard", { cookie: "s=1", "accept-language": "fr" }, "GET", "?month=2025-03"),
        "10:12:",
        "2026-12-02",
      ),
      pageCacheKey(request("/dashboard", { cookie: "s=1" }, "GET", "?month=2025-03"), "10:13:", "2026-12-02"),
      pageCacheKey(request("/dashboard", { cookie: "s=1" }, "GET", "?month=2025-03"), "10:12:", "2026-12-03"),
    ];
    expect(new Set([base, ...variants]).size).toBe(6);
  });

  it("keeps only complete pages that set no cookie", () => {
    const response = (status: number, values: Record<string, string>) => ({ status, headers: headers(values) });
    expect(isKeepableResponse(response(200, { "content-type": "text/html; charset=utf-8" }))).toBe(true);
    expect(isKeepableResponse(response(200, { "content-type": "text/x-component" }))).toBe(false);
    expect(isKeepableResponse(response(403, { "content-type": "text/html; charset=utf-8" }))).toBe(false);
    expect(isKeepableResponse(response(307, { location: "/login" }))).toBe(false);
    expect(isKeepableResponse(response(200, { "content-type": "text/html", "set-cookie": "a=b" }))).toBe(false);
    expect(isKeepableResponse(response(200, { "content-type": "application/json" }))).toBe(false);
  });

  it("recognises a page that streamed an error boundary", () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    expect(
      streamedAnError(
        bytes('<div hidden id="S:0"><template data-dgst="NEXT_HTTP_ERROR_FALLBACK;404"></template></div>'),
      ),
    ).toBe(true);
    expect(streamedAnError(bytes('<table data-testid="overview-table"><caption>Contracts</caption></table>'))).toBe(
      false,
    );
  });

  it("drops the transport headers of a rendered response", () => {
    expect(
      pageHeaders([
        ["Content-Type", "text/html"],
        ["content-length", "12"],
        ["content-encoding", "gzip"],
        ["vary", "rsc"],
        ["Date", "x"],
      ]),
    ).toEqual([
      ["Content-Type", "text/html"],
      ["vary", "rsc"],
    ]);
  });
});
