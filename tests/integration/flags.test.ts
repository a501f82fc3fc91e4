// Integrity detection on the generator's data: the flags must find the planted patterns of its manifest.json
// (recall of planted subjects ≥ 90 %, precision ≥ 80 % among flags of the methods that target them), over the whole
// year and each quarter; stored flags keep their triage when detection runs again.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { pool } from "@/lib/pg";
import { generateDataset } from "@/tools/generator/generate-dataset";
import type { Manifest } from "@/tools/generator/manifest";
import { createImportBatch } from "@/lib/clearance/create-import-batch";
import { runImportBatch } from "@/lib/clearance/run-import-batch";
import { detectFlags, type Flag } from "@/lib/integrity/detect-flags";
import { detectAndStoreFlags } from "@/lib/integrity/store-flags";
import { saveDetectionParams } from "@/lib/integrity/detection-settings";
import { DEFAULT_DETECTION_PARAMS } from "@/lib/integrity/detection-params";
import { closeQueue } from "@/lib/queue/enqueue";
import { clearClearanceData } from "@/tests/support/clearance-db";

const YEAR = { from: "2025-01-01", to: "2025-12-31" };
const QUARTERS = ["01-01/03-31", "04-01/06-30", "07-01/09-30", "10-01/12-31"].map((q) => {
  const [from, to] = q.split("/");
  return { from: `2025-${from}`, to: `2025-${to}` };
});

// A flag's identity as the manifest names its subjects.
const key = (method: string, kpiId: string | null, subject: string, related = "") =>
  `${method}|${kpiId ?? ""}|${subject}|${related}`;

async function plantedKeys(manifest: Manifest, period: { from: string; to: string }) {
  // A planted item counts in a period when its declaration is registered in it and not cancelled (docs/indicators.md's
  // B).
  const { rows } = await pool.query<{ decl_id: string }>(
    `SELECT decl_id FROM declarations WHERE reg_ts >= $1::date AND reg_ts < $2::date + 1 AND status <> 'cancelled'`,
    [period.from, period.to],
  );
  const inPeriod = new Set(rows.map((r) => r.decl_id));
  const expected = new Set<string>();
  const methods = new Set<string>();
  const wholeYear = period.from === YEAR.from && period.to === YEAR.to;
  for (const pattern of manifest.patterns) {
    for (const d of pattern.detection) {
      if (d.method === "MIRROR") continue;
      methods.add(`${d.method}|${d.kpiId ?? ""}`);
      // "when-enough-volume" patterns are only promised over the whole year at this size.
      if (d.reliability !== "every-period" && !wholeYear) continue;
      for (const s of pattern.subjects) {
        if (d.method === "UNIT_VALUE") {
          if (inPeriod.has(String(s.declId))) expected.add(key(d.method, null, String(s.declId), String(s.itemNo)));
        } else if (d.method === "BROKER_OFFICER_PAIR")
          expected.add(key(d.method, null, String(s.brokerId), String(s.officerId)));
        else if (d.method === "BENFORD") expected.add(key(d.method, null, String(s.brokerId)));
        else expected.add(key(d.method, d.kpiId, String(s.officerId)));
      }
    }
  }
  return { expected, methods };
}

function confusion(flags: Flag[], expected: Set<string>, methods: Set<string>) {
  const targeted = flags.filter((f) => methods.has(`${f.method}|${f.kpiId ?? ""}`));
  const raised = new Set(targeted.map((f) => key(f.method, f.kpiId, f.subjectId, f.relatedId ?? "")));
  const truePositives = [...raised].filter((k) => expected.has(k)).length;
  return {
    truePositives,
    falsePositives: raised.size - truePositives,
    falseNegatives: [...expected].filter((k) => !raised.has(k)).length,
    recall: expected.size ? truePositives / expected.size : 1,
    precision: raised.size ? truePositives / raised.size : 1,
  };
}

describe("integrity detection on generated data", () => {
  let manifest: Manifest;
  beforeAll(async () => {
    await clearClearanceData();
    await pool.query("DELETE FROM flags");
    await pool.query("DELETE FROM detection_settings");
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "pmc-flags-"));
    await generateDataset({ outDir: dir, declarations: 20_000, seed: 42, ...YEAR });
    manifest = JSON.parse(await fs.readFile(path.join(dir, "manifest.json"), "utf8")) as Manifest;
    await runImportBatch(await createImportBatch({ kind: "CANONICAL", sourcePath: dir }));
  }, 300_000);
  afterAll(async () => {
    await closeQueue();
    await db.$disconnect();
  });

  it("finds the planted patterns over the year and in every quarter", async () => {
    const rows: Record<string, unknown>[] = [];
    for (const period of [YEAR, ...QUARTERS]) {
      const { expected, methods } = await plantedKeys(manifest, period);
      const c = confusion(await detectFlags(period), expected, methods);
      rows.push({ period: `${period.from}..${period.to}`, planted: expected.size, ...c });
      expect(c.recall, `recall ${period.from}`).toBeGreaterThanOrEqual(0.9);
      expect(c.precision, `precision ${period.from}`).toBeGreaterThanOrEqual(0.8);
    }
    console.table(rows);
  });

  it("stores flags once per identity and keeps their triage when detection runs again", async () => {
    const quarter = QUARTERS[1]!;
    const first = await detectAndStoreFlags(quarter);
    const { rows: stored } = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM flags WHERE period_from = $1`,
      [quarter.from],
    );
    expect(stored[0]!.n).toBe(first.raised);
    await pool.query(
      `UPDATE flags SET state = 'DISMISSED', dismiss_reason = 'checked: seasonal broker' WHERE method = 'BENFORD'`,
    );

    const again = await detectAndStoreFlags(quarter);
    expect(again).toEqual({ raised: first.raised, retired: 0 });
    const { rows } = await pool.query(
      `SELECT state, dismiss_reason, rule FROM flags WHERE method = 'BENFORD' AND period_from = $1`,
      [quarter.from],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ state: "DISMISSED", dismiss_reason: "checked: seasonal broker" });
    expect(rows[0].rule).toEqual({ method: "BENFORD", params: DEFAULT_DETECTION_PARAMS.benford });
  });

  it("records the parameters that raised a flag and retires flags a stricter rule no longer raises", async () => {
    const quarter = QUARTERS[2]!;
    const admin = await db.user.upsert({
      where: { email: "flags-test@pmc.local" },
      create: { email: "flags-test@pmc.local", name: "Flags test", role: "INTEGRITY", passwordHash: "x" },
      update: {},
    });
    await saveDetectionParams({ unitValue: { minGroup: 20, m: 1.0 } }, admin.id);
    const loose = await detectAndStoreFlags(quarter);
    const { rows: looseRule } = await pool.query(
      `SELECT DISTINCT rule FROM flags WHERE method = 'UNIT_VALUE' AND period_from = $1`,
      [quarter.from],
    );
    expect(looseRule).toEqual([{ rule: { method: "UNIT_VALUE", params: { minGroup: 20, m: 1.0 } } }]);

    await saveDetectionParams({}, admin.id);
    const strict = await detectAndStoreFlags(quarter);
    expect(strict.raised).toBeLessThan(loose.raised);
    expect(strict.retired).toBe(loose.raised - strict.raised);
    const { rows: audit } = await pool.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'detection.settings-changed' AND actor_id = $1`,
      [admin.id],
    );
    expect(audit[0].n).toBeGreaterThanOrEqual(2);
  });
});
