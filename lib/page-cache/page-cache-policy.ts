// Which requests the page cache answers, what a kept page is keyed by, and which rendered responses may be kept
// (docs/decisions/026-rendered-page-cache.md). Pure, so every rule is unit-tested.
import crypto from "node:crypto";

// The dashboards that read only stored results: the manager overview with its office and unit pages, the officer's
// own page, a KPI drill-down and a declaration record. Not the print views (they stamp the time of printing), not
// the screens that change the data or show jobs in progress.
const CACHED_PATHS = [
  /^\/dashboard$/,
  /^\/dashboard\/offices\/[^/]+(\/units\/[^/]+)?$/,
  /^\/me$/,
  /^\/explore\/kpi$/,
  /^\/explore\/declarations\/[^/]+$/,
];

// On a request, "bypass" is sent by the cache to render a page it does not have, and by anyone who wants a page
// rendered afresh (the benchmark's uncached measurement): such a request reaches the page as if there were no cache.
// On an answer of a cached path it says how it was served: hit, shared (waited for the same page being rendered),
// miss or bypass (not a page that may be kept).
export const PAGE_CACHE_HEADER = "x-pmc-page-cache";
export const BYPASS_VALUE = "bypass";

// Everything a page's output depends on besides the database: the signed-in session and locale (both in the
// cookies) and the browser's languages.
const KEYED_HEADERS = ["cookie", "accept-language"];

type RequestLike = { method: string; pathname: string; search: string; headers: { get(name: string): string | null } };

// Documents only, as a browser asks for them when it opens a page. Next.js's client navigations and prefetches ask
// for the same URL with an RSC header, which Next.js hides from the proxy (it strips the router's headers and the
// _rsc parameter before the proxy runs), so they are told apart by what they accept: `*/*`, never text/html.
export function isCacheableRequest(request: RequestLike): boolean {
  return (
    request.method === "GET" &&
    (request.headers.get("accept") ?? "").includes("text/html") &&
    request.headers.get(PAGE_CACHE_HEADER) !== BYPASS_VALUE &&
    request.headers.get("cookie") !== null &&
    CACHED_PATHS.some((path) => path.test(request.pathname))
  );
}

// `dataVersion` is the portal's own data version (data_version.version): every committed transaction that changes
// what the pages show moves it, so a page kept under it is never served once the data it was rendered from may
// have changed, while reads, sign-ins and audit entries leave it alone. `today` because contract periods "so far"
// and due activations move with the date.
export function pageCacheKey(request: RequestLike, dataVersion: string, today: string): string {
  const parts = [
    request.pathname + request.search,
    dataVersion,
    today,
    ...KEYED_HEADERS.map((h) => request.headers.get(h) ?? ""),
  ];
  return crypto.createHash("sha256").update(JSON.stringify(parts)).digest("base64url");
}

type ResponseLike = { status: number; headers: { get(name: string): string | null } };

// Only complete successful pages that set no cookie: a refusal, a redirect or an error is rendered every time.
export function isKeepableResponse(response: ResponseLike): boolean {
  const type = response.headers.get("content-type") ?? "";
  return response.status === 200 && response.headers.get("set-cookie") === null && type.startsWith("text/html");
}

// A page that streamed an error or not-found boundary after its 200 had gone out (a query that failed inside a
// Suspense boundary) is not kept either: React marks the boundary with its digest.
const ERROR_MARK = Buffer.from("data-dgst=");

export function streamedAnError(body: Uint8Array): boolean {
  return Buffer.from(body.buffer, body.byteOffset, body.byteLength).includes(ERROR_MARK);
}

// Headers of the rendered response that describe its transport, not the page: the cache answers with the whole
// body, uncompressed, and the server adds its own.
const TRANSPORT_HEADERS = new Set([
  "content-encoding",
  "content-length",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "date",
]);

export function pageHeaders(headers: Iterable<[string, string]>): [string, string][] {
  return [...headers].filter(([name]) => !TRANSPORT_HEADERS.has(name.toLowerCase()));
}
