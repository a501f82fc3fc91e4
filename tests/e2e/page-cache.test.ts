// The proxy's page cache against the built portal (docs/decisions/026-rendered-page-cache.md): a session's repeat
// view of a dashboard is answered with the bytes rendered for it, whatever else signs in, reads or writes the audit
// log meanwhile; a committed change of the data, another session, a refusal and the bypass header each get a fresh
// render. The worker is idle before each test, so nothing but the test itself moves the data version.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { APIResponse, Browser, Page } from "playwright-core";
import { db } from "@/lib/db";
import { launchChromium, signedInSessions } from "./support/browser";
import { DEMO_SIGN_IN } from "@/lib/users/seed-demo-users";
import { writeAudit } from "@/lib/audit";
import { closeQueue, getQueue } from "@/lib/queue/enqueue";
import { readDataVersion } from "@/lib/page-cache/data-version";

const { manager: MANAGER, officer: OFFICER, officer2: OFFICER2 } = DEMO_SIGN_IN;

let browser: Browser;
const { signIn, closeAll } = signedInSessions(() => browser);

const cacheStatus = (response: APIResponse) => response.headers()["x-pmc-page-cache"];
// What a browser sends when it opens a page (page.request alone would send Accept: */*, as Next.js's router does).
const DOCUMENT = { accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" };
const get = (page: Page, path: string, headers: Record<string, string> = DOCUMENT) =>
  page.request.get(path, { headers, maxRedirects: 0 });

// Jobs queued by the setup's import or by earlier test files (KPI recomputations, detection, contract refreshes)
// write results as they finish: wait until none is left to run. The nightly and hourly schedules always have their
// next run waiting (delayed, with a repeat key): those are not work in progress.
async function waitForIdleWorker(timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const jobs = await getQueue().getJobs(["active", "waiting", "delayed", "prioritized", "waiting-children"]);
    const pending = jobs.filter((job) => !job.repeatJobKey);
    if (!pending.length) return;
    if (Date.now() > deadline) throw new Error(`the worker is still busy: ${pending.map((j) => j.name).join(", ")}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

beforeAll(async () => {
  browser = await launchChromium();
});

beforeEach(async () => {
  await waitForIdleWorker();
});

afterAll(async () => {
  await closeAll();
  await browser?.close();
  await closeQueue();
  await db.$disconnect();
});

describe("page cache", () => {
  it("answers a repeat view with the same page, and renders afresh once a write has committed", async () => {
    // A dashboard that finds stored values missing queues their refresh, whose results are a change of the data:
    // one view in another session and an idle worker first, so that the views below see the data as it stays.
    await get(await signIn(MANAGER), "/dashboard?month=2025-03");
    await waitForIdleWorker();
    const manager = await signIn(MANAGER);
    const office = await db.office.findUniqueOrThrow({ where: { officeCode: "CMDLA1" } });
    const version = await readDataVersion();
    const first = await get(manager, "/dashboard?month=2025-03");
    expect(first.status()).toBe(200);
    expect(cacheStatus(first)).toBe("miss");
    // Another user signing in and the audit log growing change nothing the page shows.
    await signIn(OFFICER);
    await writeAudit({ actorId: null, action: "page-cache.test", entityType: "page", entityId: "/dashboard" });
    const again = await get(manager, "/dashboard?month=2025-03");
    expect(await readDataVersion()).toBe(version);
    expect(cacheStatus(again)).toBe("hit");
    expect(await again.text()).toBe(await first.text());
    expect(await again.text()).toContain(`CMDLA1 · ${office.name}`);

    const renamed = `${office.name} (renamed by the page-cache test)`;
    await db.office.update({ where: { officeCode: "CMDLA1" }, data: { name: renamed } });
    try {
      const after = await get(manager, "/dashboard?month=2025-03");
      expect(cacheStatus(after)).toBe("miss");
      expect(await after.text()).toContain(`CMDLA1 · ${renamed}`);
    } finally {
      await db.office.update({ where: { officeCode: "CMDLA1" }, data: { name: office.name } });
    }
    const restored = await get(manager, "/dashboard?month=2025-03");
    expect(await restored.text()).toContain(`CMDLA1 · ${office.name}</`);

    const bypass = await get(manager, "/dashboard?month=2025-03", { ...DOCUMENT, "x-pmc-page-cache": "bypass" });
    expect(bypass.status()).toBe(200);
    expect(cacheStatus(bypass)).toBeUndefined();

    // A client navigation to the same URL gets its RSC payload, never the kept document (Next.js first redirects
    // it to its own cache-busting _rsc value, as the router follows).
    const navigation = await manager.request.get("/dashboard?month=2025-03", {
      headers: { accept: "*/*", rsc: "1", "next-router-state-tree": encodeURIComponent(JSON.stringify(["", {}])) },
    });
    expect(navigation.status()).toBe(200);
    expect(cacheStatus(navigation)).toBeUndefined();
    expect(navigation.headers()["content-type"]).toBe("text/x-component");
  });

  it("never answers one session with a page rendered for another", async () => {
    for (const user of [OFFICER, OFFICER2]) await get(await signIn(user), "/me");
    await waitForIdleWorker();
    const [officer, officer2] = [await signIn(OFFICER), await signIn(OFFICER2)];
    const [one, two] = await Promise.all(
      [OFFICER, OFFICER2].map((u) =>
        db.user.findUniqueOrThrow({ where: { email: u.email } }).then((row) => row.officerId!),
      ),
    );
    expect(one).not.toBe(two);
    await get(officer, "/me");
    const own = await get(officer, "/me");
    expect(cacheStatus(own)).toBe("hit");
    expect(await own.text()).toContain(`>${one}</dd>`);

    const colleague = await get(officer2, "/me");
    expect(cacheStatus(colleague)).toBe("miss");
    const body = await colleague.text();
    expect(body).toContain(`>${two}</dd>`);
    expect(body).not.toContain(`>${one}</dd>`);
  });

  it("renders a refusal every time and never keeps it", async () => {
    const officer = await signIn(OFFICER);
    for (let i = 0; i < 2; i++) {
      const refused = await get(officer, "/dashboard");
      expect(refused.status()).toBe(403);
      expect(cacheStatus(refused)).toBe("bypass");
    }
  });
});
