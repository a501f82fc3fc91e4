// The integrity work queue against real PostgreSQL on generated data with planted patterns (20,000 declarations,
// seed 42, the first quarter of 2025): `pmc triage` run as a command; the grouping of flags under the people behind
// them counted again in plain SQL; each method's number of tests; the capacity line and who may move it; the
// funnel's overdispersion; a case opened on everything behind one subject and closed as founded by a second person;
// outcomes and the learned weights they give; and the weekly digest, received by a real SMTP server on localhost,
// naming only what each reader may see. Expected values come from the manifest and from SQL written here.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import { db } from "@/lib/db";
import { pool } from "@/lib/pg";
import { generateDataset } from "@/tools/generator/generate-dataset";
import type { Manifest } from "@/tools/generator/manifest";
import { createImportBatch } from "@/lib/clearance/create-import-batch";
import { runImportBatch } from "@/lib/clearance/run-import-batch";
import { detectionPeriods, type SubjectRow } from "@/lib/integrity/rank-subjects";
import { SYSTEM_VIEWER, triageQueue } from "@/lib/integrity/triage-queue";
import { setCapacity } from "@/lib/integrity/triage-capacity";
import { methodOutcomes, methodWeights, MIN_OUTCOMES } from "@/lib/integrity/method-outcomes";
import { dismissFlags } from "@/lib/integrity/triage-flags";
import { funnelData } from "@/lib/integrity/funnel-data";
import { controlLimits } from "@/lib/integrity/control-limits";
import { computeAndStoreKpis } from "@/lib/kpis/store-kpis";
import { openSubjectCase } from "@/lib/cases/open-subject-case";
import { assignCase } from "@/lib/cases/assign-case";
import { recordFinding } from "@/lib/cases/record-finding";
import { closeCase } from "@/lib/cases/close-case";
import { sendWeeklyDigests } from "@/lib/cases/send-weekly-digests";
import type { CaseActor } from "@/lib/cases/case-rules";
import { closeQueue } from "@/lib/queue/enqueue";
import { clearClearanceData } from "@/tests/support/clearance-db";
import { expectRefused } from "@/tests/support/refusals";
import { todayIso } from "@/lib/kernel/calendar";

const Q1 = { from: "2025-01-01", to: "2025-03-31" };
const run = randomUUID().slice(0, 6);
const ROOT = path.resolve(import.meta.dirname, "../..");

type Reader = CaseActor & { email: string; integrityAccess: boolean };
const users = {} as Record<
  "national" | "national2" | "analystDla" | "managerYao" | "managerPlain" | "admin" | "officer",
  Reader
>;

let manifest: Manifest;
let planted: Set<string>;
let tmp: string;

// The flags of the window as the queue takes them (the window itself and its calendar months, active, to triage),
// behind one subject, counted in SQL from the grouping rules of docs/indicators.md.
async function flagsBehind(type: string, id: string): Promise<number[]> {
  const { rows } = await pool.query<{ id: number }>(
    `SELECT f.id FROM flags f LEFT JOIN LATERAL (
              SELECT broker_id, importer_id FROM declarations d WHERE d.decl_id = f.subject_id LIMIT 1) d
                ON f.subject_type = 'declaration'
      WHERE f.active AND f.state = 'NEW'
        AND ((f.period_from = $3 AND f.period_to = $4)
             OR (f.period_from >= $3 AND f.period_to <= $4 AND f.period_from = date_trunc('month', f.period_from)
                 AND f.period_to = (date_trunc('month', f.period_from) + interval '1 month - 1 day')::date))
        AND CASE $1
              WHEN 'officer' THEN (f.subject_type = 'officer' AND f.subject_id = $2)
                               OR (f.method = 'BROKER_OFFICER_PAIR' AND f.related_id = $2)
              WHEN 'broker' THEN (f.subject_type = 'broker' AND f.subject_id = $2) OR d.broker_id = $2
              WHEN 'importer' THEN d.importer_id = $2
              ELSE f.subject_type = $1 AND f.subject_id = $2 END
      ORDER BY f.id`,
    [type, id, Q1.from, Q1.to],
  );
  return rows.map((r) => r.id);
}

const key = (r: Pick<SubjectRow, "subjectType" | "subjectId">) => `${r.subjectType}:${r.subjectId}`;

beforeAll(async () => {
  await clearClearanceData();
  await pool.query("DELETE FROM detection_settings");
  await pool.query("DELETE FROM triage_capacity");
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "pmc-triage-"));
  await generateDataset({ outDir: tmp, declarations: 20_000, seed: 42, from: "2025-01-01", to: "2025-12-31" });
  manifest = JSON.parse(await fs.readFile(path.join(tmp, "manifest.json"), "utf8")) as Manifest;
  planted = new Set(
    manifest.patterns
      .filter((p) => p.type !== "UNDERVALUED_ITEMS" && p.type !== "MIRROR_GAP")
      .flatMap((p) => p.subjects)
      .flatMap((s) => [
        ...(s.officerId !== undefined ? [`officer:${s.officerId}`] : []),
        ...(s.brokerId !== undefined ? [`broker:${s.brokerId}`] : []),
      ]),
  );
  await runImportBatch(await createImportBatch({ kind: "CANONICAL", sourcePath: tmp }));
  const user = async (
    name: keyof typeof users,
    role: CaseActor["role"],
    officeCode: string | null,
    integrityAccess = false,
    officerId: string | null = null,
  ) => {
    const email = `${name}-${run}@triage.test`;
    const row = await db.user.create({
      data: { email, name: `Test ${name}`, role, officeCode, integrityAccess, officerId, passwordHash: "unused" },
    });
    users[name] = { id: row.id, role, officeCode, officerId, integrityAccess, email };
  };
  await user("national", "INTEGRITY", null);
  await user("national2", "INTEGRITY", null);
  await user("analystDla", "INTEGRITY", "CMDLA1");
  await user("managerYao", "MANAGER", "CMYAO2", true);
  await user("managerPlain", "MANAGER", "CMYAO2");
  await user("admin", "ADMIN", null);
  await user("officer", "OFFICER", null, false, "CMDLA1-01");
}, 300_000);

afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
  await closeQueue();
  await db.$disconnect();
});

describe("pmc triage", () => {
  let file: string;

  it("runs detection over the quarter and its months and writes the first K subjects", async () => {
    file = path.join(tmp, "triage.csv");
    const env = { ...process.env };
    const { stderr } = await promisify(execFile)(
      "node",
      ["bin/pmc.mjs", "triage", "--from", Q1.from, "--to", Q1.to, "--top", "15", "--out", file],
      { cwd: ROOT, env },
    );
    expect(stderr).toContain("detection 2025-03-01 to 2025-03-31");
    const lines = (await fs.readFile(file, "utf8")).trim().split("\n");
    expect(lines[0]).toBe("rank,subject_type,subject_id,priority,flags,methods,first_period,last_period");
    const rows = lines.slice(1).map((l) => l.split(","));
    expect(rows).toHaveLength(15);
    expect(rows.map((r) => Number(r[0]))).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    const priorities = rows.map((r) => Number(r[3]));
    expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
    // The planted officers and brokers of the manifest among the first 15 rows.
    const found = rows.filter((r) => planted.has(`${r[1]}:${r[2]}`)).length;
    console.log(
      `pmc triage, 20,000 declarations, seed 42, Q1 2025: ${found} of ${planted.size} planted subjects in the first 15 rows`,
    );
    expect(found / planted.size).toBeGreaterThanOrEqual(0.9);
    // Each row's flags are those SQL finds behind the subject.
    for (const r of rows) expect(Number(r[4]), `${r[1]}:${r[2]}`).toBe((await flagsBehind(r[1]!, r[2]!)).length);
  }, 240_000);

  it("gives the same file when run again", async () => {
    const again = path.join(tmp, "triage-again.csv");
    await promisify(execFile)(
      "node",
      ["bin/pmc.mjs", "triage", "--from", Q1.from, "--to", Q1.to, "--top", "15", "--out", again],
      { cwd: ROOT, env: { ...process.env } },
    );
    expect(await fs.readFile(again, "utf8")).toBe(await fs.readFile(file, "utf8"));
  }, 240_000);

  it("refuses a missing --out and a bad --top with a one-line reason", async () => {
    const fail = (args: string[]) =>
      promisify(execFile)("node", ["bin/pmc.mjs", "triage", ...args], { cwd: ROOT, env: { ...process.env } }).then(
        () => "",
        (e: { stderr: string }) => e.stderr.trim(),
      );
    expect(await fail(["--from", Q1.from, "--to", Q1.to])).toBe("pmc: --out FILE is required");
    expect(await fail(["--from", Q1.from, "--to", Q1.to, "--top", "0", "--out", "x.csv"])).toBe(
      "pmc: --top must be a whole number ≥ 1",
    );
  }, 60_000);
});

describe("the work queue", () => {
  it("groups every flag under the people behind it, as SQL counts them", async () => {
    const queue = await triageQueue(SYSTEM_VIEWER, Q1);
    for (const r of queue.rows) expect(r.flagIds, key(r)).toEqual(await flagsBehind(r.subjectType, r.subjectId));
    // Every flag of the window is behind at least one row.
    const behind = new Set(queue.rows.flatMap((r) => r.flagIds));
    const { rows } = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM flags WHERE active AND state = 'NEW' AND period_from >= $1 AND period_to <= $2`,
      [Q1.from, Q1.to],
    );
    expect(behind.size).toBe(rows[0]!.n);
    console.log(
      `queue Q1: ${queue.rows.length} subjects behind ${queue.flags.length} flags; ${queue.aboveLine.subjects} above the line of ${queue.line}`,
    );
  });

  it("controls the false discovery rate with each method's number of tests", async () => {
    // The unit-value tests of Q1: items with a mass and a value in (hs6, origin) groups of ≥ 20 with a spread.
    const { rows } = await pool.query<{ n: number }>(
      `WITH it AS (SELECT i.hs6, i.origin_country, ln(i.cif_value::float8 / i.net_kg::float8) AS x
                     FROM items i JOIN declarations d USING (decl_id)
                    WHERE d.reg_ts >= '2025-01-01' AND d.reg_ts < '2025-04-01' AND d.status <> 'cancelled'
                      AND i.net_kg > 0 AND i.cif_value > 0),
            g AS (SELECT hs6, origin_country, count(*) AS n, percentile_cont(0.5) WITHIN GROUP (ORDER BY x) AS med
                    FROM it GROUP BY 1, 2 HAVING count(*) >= 20),
            s AS (SELECT it.hs6, it.origin_country, g.n,
                         percentile_cont(0.5) WITHIN GROUP (ORDER BY abs(it.x - g.med)) AS mad
                    FROM it JOIN g USING (hs6, origin_country) GROUP BY 1, 2, 3)
       SELECT coalesce(sum(n), 0)::int AS n FROM s WHERE mad > 0`,
    );
    const stored = await db.detectionTest.findUnique({
      where: {
        method_periodFrom_periodTo: {
          method: "UNIT_VALUE",
          periodFrom: new Date(`${Q1.from}T00:00:00Z`),
          periodTo: new Date(`${Q1.to}T00:00:00Z`),
        },
      },
    });
    expect(stored?.tests).toBe(rows[0]!.n);
    const families = await db.detectionTest.count();
    expect(families).toBe(detectionPeriods(Q1).length * 5);
    const queue = await triageQueue(SYSTEM_VIEWER, Q1);
    const uv = queue.flags.filter((f) => f.method === "UNIT_VALUE" && f.periodFrom === Q1.from && f.periodTo === Q1.to);
    expect(uv.every((f) => f.tests === rows[0]!.n)).toBe(true);
  });

  it("stores each flag's revenue at stake as docs/indicators.md defines it, worked out again here", async () => {
    type StoredFlag = {
      id: number;
      method: string;
      subject_id: string;
      related_id: string;
      n: number;
      stats: Record<string, number | string>;
      revenue: number;
      office_code: string;
    };
    const { rows: flags } = await pool.query<StoredFlag>(
      `SELECT id, method, subject_id, related_id, n, stats, revenue_at_stake::float8 AS revenue, office_code
         FROM flags WHERE period_from = $1 AND period_to = $2 AND method IN ('UNIT_VALUE', 'RATE_OUTLIER', 'BROKER_OFFICER_PAIR')`,
      [Q1.from, Q1.to],
    );
    // Final taxes of the quarter's live declarations, from which the means are taken in JavaScript.
    const { rows: decls } = await pool.query<{ officer: string; broker: string; office: string; taxes: number }>(
      `SELECT assessing_officer_id AS officer, broker_id AS broker, office_code AS office,
              coalesce(taxes_final, 0)::float8 AS taxes
         FROM declarations WHERE reg_ts >= $1::date AND reg_ts < $2::date + 1 AND status <> 'cancelled'`,
      [Q1.from, Q1.to],
    );
    const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
    const expected = async (f: StoredFlag): Promise<number> => {
      const s = f.stats as Record<string, number>;
      if (f.method === "RATE_OUTLIER") {
        return Math.abs(s.p! - s.p0!) * f.n * mean(decls.filter((d) => d.officer === f.subject_id).map((d) => d.taxes));
      }
      if (f.method === "BROKER_OFFICER_PAIR") {
        const pair = decls.filter(
          (d) => d.office === f.office_code && d.broker === f.subject_id && d.officer === f.related_id,
        );
        return Math.max(0, s.n_bo! - s.expected!) * mean(pair.map((d) => d.taxes));
      }
      const { rows } = await pool.query<{ net_kg: number; cif: number; taxes: number }>(
        `SELECT net_kg::float8, cif_value::float8 AS cif, coalesce(taxes, 0)::float8 AS taxes
           FROM items WHERE decl_id = $1 AND item_no = $2::int`,
        [f.subject_id, f.related_id],
      );
      const item = rows[0]!;
      return (Math.max(0, Math.exp(s.median!) * item.net_kg - item.cif) * item.taxes) / item.cif;
    };
    for (const method of ["UNIT_VALUE", "RATE_OUTLIER", "BROKER_OFFICER_PAIR"]) {
      expect(flags.filter((f) => f.method === method).length, method).toBeGreaterThan(0);
    }
    for (const f of flags) {
      const want = await expected(f);
      expect(f.revenue, `${f.method} ${f.subject_id}`).toBeCloseTo(want, Math.abs(want) >= 1 ? 2 : 6);
    }
    expect(flags.some((f) => f.revenue > 0)).toBe(true);
  });

  it("marks the rows within the unit's capacity, which its analysts set and audit", async () => {
    expect((await triageQueue(users.national, Q1)).line).toBe(60);
    expect(await setCapacity(users.analystDla, { casesPerMonth: "2" })).toBe(2);
    const office = await triageQueue(users.analystDla, Q1);
    expect(office.line).toBe(6);
    expect(office.rows.filter((r) => r.aboveLine).map((r) => r.rank)).toEqual(
      office.rows.slice(0, 6).map((r) => r.rank),
    );
    // The office analyst's queue holds only the office's flags.
    const { rows } = await pool.query<{ id: number }>(
      `SELECT id FROM flags WHERE office_code IS DISTINCT FROM 'CMDLA1' AND period_from >= $1 AND period_to <= $2`,
      [Q1.from, Q1.to],
    );
    const elsewhere = new Set(rows.map((r) => r.id));
    expect(office.rows.flatMap((r) => r.flagIds).some((id) => elsewhere.has(id))).toBe(false);
    // The national unit keeps its own line; a manager reads it but does not set it.
    expect((await triageQueue(users.national, Q1)).line).toBe(60);
    await expectRefused(setCapacity(users.managerYao, { casesPerMonth: 5 }), "FORBIDDEN", "capacityForbidden");
    await expectRefused(setCapacity(users.officer, { casesPerMonth: 5 }), "FORBIDDEN");
    const audit = await db.auditLog.findMany({ where: { action: "triage.capacity-changed", entityId: "CMDLA1" } });
    expect(audit.map((a) => a.data)).toEqual([{ from: 20, to: 2 }]);
    await expect(setCapacity(users.analystDla, { casesPerMonth: 0 })).rejects.toThrow();
  });

  it("estimates the office's overdispersion for the funnel plot", async () => {
    for (const subject of ["officer", "office"] as const) await computeAndStoreKpis({ ...Q1, subject });
    const data = await funnelData(users.national, { kpiId: "I1", officeCode: "CMDLA1", ...Q1 });
    const od = data.overdispersion!;
    expect(od.officers).toBe(data.officers.length);
    expect(od.phi).toBeGreaterThan(0);
    const outsideBinomial = data.officers.filter((o) => {
      const l = controlLimits(data.p0!, o.n, 2)!;
      return o.p > l.upper || o.p < l.lower;
    }).length;
    const outsideOverdispersed = data.officers.filter((o) => o.overdispersedBand !== "inside").length;
    console.log(
      `funnel I1 CMDLA1 Q1: φ = ${od.phi.toFixed(3)}, τ = ${od.tau.toFixed(4)}; ${outsideBinomial} of ${data.officers.length} officers outside the binomial 2σ limits, ${outsideOverdispersed} beyond the overdispersed ones on the worse side`,
    );
    expect(outsideOverdispersed).toBeLessThanOrEqual(outsideBinomial);
    expect(data.curve.every((c) => c.upper2od >= c.upper2 - 1e-12)).toBe(true);
  }, 120_000);
});

describe("outcomes teach the ranking", () => {
  let caseId = 0;
  let subjectFlags: number[] = [];
  // The officer of a collusive pair of CMDLA1: a rate outlier on I7 and the pair, over the quarter.
  const pairOfficer = () =>
    String(
      manifest.patterns.find(
        (p) => p.type === "COLLUSIVE_BROKER_OFFICER_PAIR" && p.subjects[0]!.officeCode === "CMDLA1",
      )!.subjects[0]!.officerId,
    );

  it("opens one case on everything behind a subject", async () => {
    const officer = pairOfficer();
    subjectFlags = await flagsBehind("officer", officer);
    expect(subjectFlags.length).toBeGreaterThan(1);
    const opened = await openSubjectCase(
      { subjectType: "officer", subjectId: officer, ...Q1, title: "Broker pair" },
      users.national,
    );
    caseId = opened.caseId;
    expect(opened.flags).toBe(subjectFlags.length);
    const inCase = await db.caseFlag.findMany({ where: { caseId }, orderBy: { flagId: "asc" } });
    expect(inCase.map((f) => f.flagId)).toEqual(subjectFlags);
    expect((await triageQueue(SYSTEM_VIEWER, Q1)).rows.some((r) => r.subjectId === officer)).toBe(false);
    // Nothing is left behind it, and an officer never gets there.
    await expectRefused(
      openSubjectCase({ subjectType: "officer", subjectId: officer, ...Q1 }, users.national),
      "NOT_FOUND",
      "subjectNotFound",
    );
    await expectRefused(
      openSubjectCase({ subjectType: "officer", subjectId: officer, ...Q1 }, users.officer),
      "NOT_FOUND",
    );
  });

  it("counts its flags founded, but for the one the finding does not uphold, once a second person closes it", async () => {
    const methods = await db.flag.findMany({ where: { id: { in: subjectFlags } }, select: { id: true, method: true } });
    const rate = methods.filter((f) => f.method === "RATE_OUTLIER").map((f) => f.id);
    const pair = methods.filter((f) => f.method === "BROKER_OFFICER_PAIR").map((f) => f.id);
    expect(rate.length + pair.length).toBe(subjectFlags.length);
    expect(rate.length).toBeGreaterThan(0);
    const due = todayIso(new Date(Date.now() + 3 * 86_400_000));
    await assignCase({ caseId, assigneeId: users.national.id, dueDate: due }, users.national);
    expect((await methodOutcomes(users.national)).byMethod).toEqual([]);
    await recordFinding(
      {
        caseId,
        finding: "CONFIRMED",
        offenceCode: "CORRUPTION",
        summary: "Assigned the broker's files to himself by hand, far beyond chance.",
        unfoundedFlagIds: String(rate[0]),
      },
      users.national,
    );
    // Not closed yet: no outcome.
    expect((await methodOutcomes(users.national)).byMethod).toEqual([]);
    await closeCase({ caseId, note: "Second look: agreed." }, users.national2);
    const after = (await methodOutcomes(users.national)).byMethod;
    expect(after.map((m) => [m.method, m.founded, m.n])).toEqual([
      ...(pair.length ? [["BROKER_OFFICER_PAIR", pair.length, pair.length]] : []),
      ["RATE_OUTLIER", rate.length - 1, rate.length],
    ]);
    // The office analyst of CMDLA1 sees the same record, per office.
    const office = await methodOutcomes(users.analystDla);
    expect(office.byOffice.map((o) => [o.method, o.officeCode, o.founded, o.n])).toEqual(
      after.map((m) => [m.method, "CMDLA1", m.founded, m.n]),
    );
  });

  it(`weighs a method by its record once it has ${MIN_OUTCOMES} outcomes, equally before`, async () => {
    const queue = await triageQueue(SYSTEM_VIEWER, Q1);
    const uvFlags = queue.flags.filter((f) => f.method === "UNIT_VALUE").map((f) => f.id);
    const holder = queue.rows.find((r) => r.methods.includes("UNIT_VALUE") && r.methods.length === 1)!;
    expect((await methodWeights()).weights.UNIT_VALUE).toBeUndefined();
    // Nine dismissals: still below the threshold, still weight 1.
    const outside = uvFlags.filter((id) => !holder.flagIds.includes(id));
    await dismissFlags(
      { flagIds: outside.slice(0, MIN_OUTCOMES - 1), reason: "Goods sold by the unit." },
      users.national,
    );
    expect((await methodWeights()).weights.UNIT_VALUE).toBe(1);
    const beforePriority = (await triageQueue(SYSTEM_VIEWER, Q1)).rows.find((r) => key(r) === key(holder))!;
    // The tenth: 0 founded of 10 → w = 2 × (0 + 1) / (10 + 2) = 1/6.
    await dismissFlags({ flagIds: outside.slice(MIN_OUTCOMES - 1, MIN_OUTCOMES), reason: "Same." }, users.national);
    const { weights, records } = await methodWeights();
    expect(records.find((r) => r.method === "UNIT_VALUE")).toMatchObject({ founded: 0, n: MIN_OUTCOMES });
    expect(weights.UNIT_VALUE).toBeCloseTo(1 / 6, 12);
    const after = (await triageQueue(SYSTEM_VIEWER, Q1)).rows.find((r) => key(r) === key(holder))!;
    expect(after.strength).toBeCloseTo(beforePriority.strength / 6, 9);
    expect(after.priority).toBeLessThan(beforePriority.priority);
  });
});

describe("the weekly digest", () => {
  type Mail = { to: string[]; text: string; subject: string };
  let server: SMTPServer;
  let port = 0;
  const received: Mail[] = [];

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          const raw = Buffer.concat(chunks).toString("utf8");
          const subject = /^Subject: (.*)$/m.exec(raw)?.[1] ?? "";
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), text: raw, subject });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.server.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  // The plain-text part of a message (nodemailer writes it quoted-printable).
  const plain = (raw: string) =>
    raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

  it("reaches each analyst and granted manager once, with only what they may see", async () => {
    // An open case of CMDLA1 due in three days, on the office queue's first officer.
    const first = (await triageQueue(users.analystDla, Q1)).rows.find((r) => r.subjectType === "officer")!;
    const { caseId } = await openSubjectCase(
      { subjectType: "officer", subjectId: first.subjectId, ...Q1, title: "Due soon" },
      users.analystDla,
    );
    await assignCase(
      { caseId, assigneeId: users.national.id, dueDate: todayIso(new Date(Date.now() + 3 * 86_400_000)) },
      users.analystDla,
    );
    const result = await sendWeeklyDigests({ smtpUrl: `smtp://127.0.0.1:${port}`, portalUrl: "http://portal.test" });
    const readers = [users.national, users.national2, users.analystDla, users.managerYao].map((u) => u.email);
    expect(result.failed).toBe(0);
    const mine = received.filter((m) => m.to.some((a) => a.endsWith(`-${run}@triage.test`)));
    expect(mine.map((m) => m.to[0]).sort()).toEqual([...readers].sort());
    const mailOf = (u: Reader) => plain(mine.find((m) => m.to.includes(u.email))!.text);
    // The office analyst of CMDLA1 reads only CMDLA1's officers; the manager of CMYAO2 only CMYAO2's.
    const officers = (text: string) => [...new Set(text.match(/\bCM[A-Z]{3}\d-\d{2}\b/g) ?? [])];
    const dla = officers(mailOf(users.analystDla));
    const yao = officers(mailOf(users.managerYao));
    expect(dla.length).toBeGreaterThan(0);
    expect(dla.every((o) => o.startsWith("CMDLA1-"))).toBe(true);
    expect(yao.length).toBeGreaterThan(0);
    expect(yao.every((o) => o.startsWith("CMYAO2-"))).toBe(true);
    // The case due in three days (CMDLA1) is in the national and CMDLA1 digests, not in CMYAO2's; the closed one in
    // none.
    expect(mailOf(users.national)).toContain("Due soon");
    expect(mailOf(users.analystDla)).toContain("Due soon");
    expect(mailOf(users.managerYao)).not.toContain("Due soon");
    expect(mailOf(users.national)).not.toContain("Broker pair");
    expect(mailOf(users.national)).toContain("http://portal.test/integrity/queue");
    // Every subject a digest names is one of its reader's own queue.
    for (const u of [users.analystDla, users.managerYao]) {
      const digest = await db.weeklyDigest.findFirst({ where: { userId: u.id } });
      const content = digest!.content as { subjects: { type: string; id: string }[] };
      const queue = await triageQueue(u, Q1);
      for (const s of content.subjects) expect(queue.rows.some((r) => key(r) === `${s.type}:${s.id}`)).toBe(true);
    }
  });

  it("sends nothing twice in a week, and keeps the digest in the portal without a mail server", async () => {
    const count = received.length;
    const again = await sendWeeklyDigests({ smtpUrl: `smtp://127.0.0.1:${port}` });
    expect(again).toMatchObject({ sent: 0 });
    expect(received.length).toBe(count);
    const nextWeek = new Date(Date.now() + 7 * 86_400_000);
    const portal = await sendWeeklyDigests({ smtpUrl: null, now: nextWeek });
    expect(portal.sent).toBe(0);
    expect(received.length).toBe(count);
    const kept = await db.weeklyDigest.findMany({
      where: { userId: users.analystDla.id },
      orderBy: { weekStart: "asc" },
    });
    expect(kept.map((d) => [d.channel, d.sentAt !== null])).toEqual([
      ["email", true],
      ["portal", false],
    ]);
    expect(
      await db.weeklyDigest.count({
        where: { userId: { in: [users.managerPlain.id, users.admin.id, users.officer.id] } },
      }),
    ).toBe(0);
  });
});
