// An import the workers gave up on: the Data pages say it failed and why, and an administrator's "Retry" queues it
// again at once, after which the worker imports it; an import interrupted and queued again says so; a manager reads
// the same pages without the button.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { pool } from "@/lib/pg";
import { createImportBatch } from "@/lib/clearance/create-import-batch";
import { closeQueue, getQueue } from "@/lib/queue/enqueue";
import { DEMO_SIGN_IN } from "@/lib/users/seed-demo-users";
import { launchChromium, newPage, login, screenshot } from "@/tests/e2e/support/browser";

// Already imported by the e2e setup: importing it again changes no figure other tests read.
const FIXTURE = path.resolve("tests/fixtures/canonical-small");

async function batchLeftBy(state: "failed" | "interrupted"): Promise<number> {
  const id = await createImportBatch({ kind: "CANONICAL", sourcePath: FIXTURE, sourceName: `${state}.zip` });
  await pool.query(
    state === "failed"
      ? `UPDATE import_batches SET status = 'FAILED', attempts = 3, finished_at = now(), owner = 'worker gone:1',
                error = 'interrupted 3 times (last heartbeat 2026-03-02T10:00:00.000Z from worker gone:1): not started again after 3 attempts; retry once the cause is fixed'
          WHERE id = $1`
      : `UPDATE import_batches SET status = 'QUEUED', attempts = 1, generation = 1, owner = 'worker gone:1',
                error = 'interrupted: worker gone:1 stopped answering (last heartbeat 2026-03-02T10:00:00.000Z); queued again for attempt 2 of 3'
          WHERE id = $1`,
    [id],
  );
  return id;
}

describe("Data pages: failed and interrupted imports", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
    // Held while the pages are looked at, so that the worker does not take the interrupted import away first.
    await getQueue().pause();
  });
  afterAll(async () => {
    await getQueue().resume();
    await closeQueue();
    await browser?.close();
  });

  it("shows an interrupted import as queued again, and lets an administrator retry a failed one", async () => {
    const interrupted = await batchLeftBy("interrupted");
    const failed = await batchLeftBy("failed");
    const { context, page } = await newPage(browser);
    await login(page, DEMO_SIGN_IN.admin.email, DEMO_SIGN_IN.admin.password);

    await page.goto("/data");
    await expect
      .poll(() => page.locator(`tr:has(a[href="/data/imports/${interrupted}"])`).textContent())
      .toContain("interrupted, queued again");
    await screenshot(page, "data-interrupted-list-admin-en");

    await page.goto(`/data/imports/${interrupted}`);
    await expect
      .poll(() => page.getByRole("status").filter({ hasText: "interrupted" }).textContent())
      .toMatch(
        /^This import was interrupted: the worker running it stopped\. It is queued again, and attempt 2 of 3 comes next\./,
      );
    await screenshot(page, "data-interrupted-admin-en");

    await page.goto(`/data/imports/${failed}`);
    await expect
      .poll(() => page.getByRole("alert").first().textContent())
      .toMatch(/^This import was interrupted 3 times, each time because the worker running it stopped/);
    await screenshot(page, "data-failed-admin-en");
    await page.getByRole("button", { name: "Retry the import" }).click();
    await page.getByText("The import is queued again.").waitFor();
    const row = await pool.query(
      `SELECT status::text AS status, attempts, generation FROM import_batches WHERE id = $1`,
      [failed],
    );
    expect(row.rows).toEqual([{ status: "QUEUED", attempts: 0, generation: 1 }]);
    expect(await getQueue().getJob(`import-${failed}-r1`)).toBeTruthy();

    // The worker imports it once it may take jobs again; the page follows it to the end.
    await getQueue().resume();
    await page.getByRole("heading", { name: "Rows per file" }).waitFor({ timeout: 120_000 });
    expect(await page.getByRole("button", { name: "Retry the import" }).count()).toBe(0);
    const { rows } = await pool.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity_type = 'import' AND entity_id = $1 ORDER BY id`,
      [String(failed)],
    );
    expect(rows.map((r) => r.action)).toEqual(["import.retried", "import.succeeded"]);
    await screenshot(page, "data-retried-admin-en");
    await context.close();
  });

  it("shows a failed import in French, with the button to an administrator and without it to a manager", async () => {
    const failed = await batchLeftBy("failed");
    for (const [user, buttons] of [
      [DEMO_SIGN_IN.admin, 1],
      [DEMO_SIGN_IN.manager, 0],
    ] as const) {
      const { context, page } = await newPage(browser, { locale: "fr-FR" });
      await login(page, user.email, user.password);
      await page.goto(`/data/imports/${failed}`);
      await expect
        .poll(() => page.getByRole("alert").first().textContent())
        .toMatch(/^Cet import a été interrompu 3 fois/);
      expect(await page.getByRole("button", { name: "Relancer l'import" }).count()).toBe(buttons);
      await screenshot(page, `data-failed-${buttons ? "admin" : "manager"}-fr`);
      await context.close();
    }
  });
});
