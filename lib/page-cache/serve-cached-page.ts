// The proxy's page cache (docs/decisions/026-rendered-page-cache.md): a dashboard page is rendered by the portal
// itself, with the visitor's own request, the first time it is asked for in a given database state, and the same
// bytes answer the same session's later requests until a change of the portal's data commits (its data version
// moves), the day changes or the TTL runs out.
// Twenty managers opening the overview cost one render each, not one per request.
import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { readDataVersion } from "@/lib/page-cache/data-version";
import { logger } from "@/lib/logger";
import { todayIso } from "@/lib/kernel/calendar";
import { PageStore, type StoredPage } from "@/lib/page-cache/page-store";
import {
  BYPASS_VALUE,
  PAGE_CACHE_HEADER,
  isCacheableRequest,
  isKeepableResponse,
  pageCacheKey,
  pageHeaders,
  streamedAnError,
} from "@/lib/page-cache/page-cache-policy";

const store = new PageStore(env.PAGE_CACHE_MB * 1024 * 1024, env.PAGE_CACHE_TTL_SECONDS * 1000);
// One render per key at a time: the requests that arrive while it runs wait for its bytes.
const rendering = new Map<string, Promise<StoredPage | null>>();

const requestParts = (request: NextRequest) => ({
  method: request.method,
  pathname: request.nextUrl.pathname,
  search: request.nextUrl.search,
  headers: request.headers,
});

export function servesFromPageCache(request: NextRequest): boolean {
  return env.PAGE_CACHE_MB > 0 && isCacheableRequest(requestParts(request));
}

const answer = (page: StoredPage, status: string) =>
  new Response(page.body, { status: page.status, headers: [...page.headers, [PAGE_CACHE_HEADER, status]] });

// `forward` are the request's headers as the proxy passes them on (its nonce and request id) when the page is
// rendered directly instead.
export async function serveCachedPage(request: NextRequest, forward: Headers): Promise<Response> {
  const passOn = () => NextResponse.next({ request: { headers: forward } });
  let version: string;
  try {
    version = await readDataVersion();
  } catch {
    // The page itself says the database cannot be reached.
    return passOn();
  }
  const key = pageCacheKey(requestParts(request), version, todayIso());
  const kept = store.get(key, Date.now());
  if (kept) return answer(kept, "hit");
  const inFlight = rendering.get(key);
  if (inFlight) {
    const page = await inFlight;
    return page ? answer(page, "shared") : passOn();
  }
  return renderAndKeep(request, key, passOn);
}

// The page rendered by the portal for this very request (the bypass header lets it through the proxy), streamed to
// the visitor as it comes while a copy is kept.
async function renderAndKeep(request: NextRequest, key: string, passOn: () => Response): Promise<Response> {
  let settle!: (page: StoredPage | null) => void;
  rendering.set(key, new Promise((resolve) => (settle = resolve)));
  const done = (page: StoredPage | null) => {
    rendering.delete(key);
    settle(page);
  };
  let rendered: Response;
  try {
    const headers = new Headers(request.headers);
    headers.set(PAGE_CACHE_HEADER, BYPASS_VALUE);
    headers.set("accept-encoding", "identity");
    rendered = await fetch(request.url, { headers, redirect: "manual", cache: "no-store" });
  } catch (error) {
    logger.warn(
      { err: (error as Error).message, path: request.nextUrl.pathname },
      "page cache could not render the page; rendering it directly",
    );
    done(null);
    return passOn();
  }
  const status = rendered.status;
  const headers = pageHeaders(rendered.headers).map(([name, value]): [string, string] =>
    // A guard's redirect says `Location: /login`; handed on as it is, Next.js fails to parse it and answers 500.
    name.toLowerCase() === "location" ? [name, new URL(value, request.url).toString()] : [name, value],
  );
  if (!rendered.body || !isKeepableResponse(rendered)) {
    done(null);
    return new Response(rendered.body, { status, headers: [...headers, [PAGE_CACHE_HEADER, "bypass"]] });
  }
  const [toVisitor, toKeep] = rendered.body.tee();
  new Response(toKeep).arrayBuffer().then(
    (bytes) => {
      const page: StoredPage = { status, headers, body: new Uint8Array(bytes) };
      if (streamedAnError(page.body)) return done(null);
      store.set(key, page, Date.now());
      done(page);
    },
    () => done(null),
  );
  return new Response(toVisitor, { status, headers: [...headers, [PAGE_CACHE_HEADER, "miss"]] });
}
