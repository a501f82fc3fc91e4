// /api/v1 with API tokens: scope, office restriction, expiry, revocation, rate limit, audit, cursor paging,
// pseudonyms, and every real answer (successes and refusals) checked against the OpenAPI 3.1 document with an
// independent JSON Schema validator (Ajv, draft 2020-12). Data: the hand-made canonical fixture (its inspections:
// tests/fixtures/canonical-small/inspections.csv) plus KPI results, a risk model and flags written here.
import crypto from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Ajv2020 } from "ajv/dist/2020.js";
import { db } from "@/lib/db";
import { pool } from "@/lib/pg";
import { redis } from "@/lib/redis";
import { createImportBatch } from "@/lib/clearance/create-import-batch";
import { runImportBatch } from "@/lib/clearance/run-import-batch";
import { issueApiToken, revokeApiToken } from "@/lib/api/api-tokens";
import { handleApiRequest } from "@/lib/api/handle-api-request";
import { API_ENDPOINTS } from "@/lib/api/api-endpoints";
import { openApiDocument } from "@/lib/api/openapi-document";
import { pseudonym } from "@/lib/privacy/pseudonyms";
import { pseudonymKey } from "@/lib/privacy/pseudonym-key";
import { searchViews } from "@/lib/view-log/list-views";
import { clearClearanceData } from "@/tests/support/clearance-db";

const run = crypto.randomBytes(3).toString("hex");
let adminId = "";

const endpoint = (p: string) => API_ENDPOINTS.find((e) => e.path === p)!;

async function call(secret: string | null, p: string, query = "") {
  const request = new Request(`http://portal.test${p}${query ? `?${query}` : ""}`, {
    headers: secret ? { authorization: `Bearer ${secret}` } : {},
  });
  const response = await handleApiRequest(request, endpoint(p));
  return { status: response.status, headers: response.headers, body: (await response.json()) as never };
}

// Ajv compiles each response schema of the document (refs resolved inside the document itself).
const ajv = new Ajv2020({ strict: false, allErrors: true });
const document = JSON.parse(JSON.stringify(openApiDocument())) as {
  paths: Record<string, { get: { responses: Record<string, { content: Record<string, { schema: object }> }> } }>;
};
ajv.addSchema({ ...document, $id: "pmc-openapi" });
const checked = new Set<string>();
function conforms(p: string, status: number, body: unknown): void {
  const response = document.paths[p]?.get.responses[String(status)];
  expect(response, `${p} documents ${status}`).toBeDefined();
  const pointer = `pmc-openapi#/paths/${p.replaceAll("/", "~1")}/get/responses/${status}/content/application~1json/schema`;
  const validate = ajv.getSchema(pointer)!;
  expect(validate(body), `${p} ${status}: ${ajv.errorsText(validate.errors)}`).toBe(true);
  checked.add(`${p} ${status}`);
}

async function issue(overrides: Partial<Parameters<typeof issueApiToken>[0]>) {
  return issueApiToken(
    { name: `t-${run}-${crypto.randomUUID().slice(0, 8)}`, scopes: ["labels:read"], expiresInDays: 30, ...overrides },
    adminId,
  );
}

describe("API tokens and /api/v1", () => {
  beforeAll(async () => {
    await clearClearanceData();
    await pool.query("DELETE FROM risk_models");
    const batchId = await createImportBatch({
      kind: "CANONICAL",
      sourcePath: path.resolve("tests/fixtures/canonical-small"),
    });
    await runImportBatch(batchId);
    adminId = (
      await db.user.create({
        data: { email: `admin-${run}@test.local`, name: "API Admin", role: "ADMIN", passwordHash: "x" },
      })
    ).id;
    await pool.query(
      `INSERT INTO kpi_results (subject_type, subject_id, period_from, period_to, kpi_id, value, numerator, denominator)
       VALUES ('office', 'CMDLA1', '2025-03-01', '2025-03-31', 'P1', 0.5, 1, 2),
              ('unit', 'CMDLA1/U1', '2025-03-01', '2025-03-31', 'P1', 0.25, 1, 4),
              ('office', 'CMDLA5', '2025-03-01', '2025-03-31', 'P1', 1, 1, 1),
              ('officer', 'OF001', '2025-03-01', '2025-03-31', 'P1', 0.5, 1, 2),
              ('officer', 'OF003', '2025-03-01', '2025-03-31', 'P1', 1, 1, 1)`,
    );
    await pool.query(
      `INSERT INTO risk_models (id, data_hash, train_from, train_to, rows, positives, intercept, features, encodings,
          unit_value_reference, options, sources, training_seconds)
       VALUES ('m1', 'h1', '2025-01-01', '2025-02-28', 10, 2, -1, '[]', '{}', '{}', '{}', '{}', 0.1)`,
    );
    await pool.query(
      `INSERT INTO risk_scores (model_id, decl_id, office_code, reg_ts, score, factors)
       VALUES ('m1', 'D001', 'CMDLA1', '2025-03-03 08:15:00', 0.8,
               '[{"factor":"declarant","value":"BR01","contribution":0.4},{"factor":"hs6","value":"851713","contribution":0.1}]')`,
    );
    await pool.query(
      `INSERT INTO flags (method, subject_type, subject_id, related_id, period_from, period_to, score, n, stats, rule, office_code)
       VALUES ('BROKER_OFFICER_PAIR', 'broker', 'BR01', 'OF001', '2025-03-01', '2025-03-31', 3.1, 4, '{}', '{}', 'CMDLA1'),
              ('OUTLIER', 'officer', 'OF001', '', '2025-03-01', '2025-03-31', 2.5, 9, '{}', '{}', 'CMDLA1')`,
    );
  });

  afterAll(async () => {
    await db.apiToken.deleteMany({ where: { createdById: adminId } });
    await db.user.deleteMany({ where: { id: adminId } });
    await db.$disconnect();
    redis.disconnect();
  });

  it("shows the secret once and keeps only its SHA-256", async () => {
    const { id, secret } = await issue({});
    expect(secret).toMatch(/^pmc_[\w-]{43}$/);
    const stored = await db.apiToken.findUniqueOrThrow({ where: { id } });
    expect(stored.tokenHash).toBe(crypto.createHash("sha256").update(secret).digest("hex"));
    const { rows } = await pool.query(`SELECT 1 FROM api_tokens t WHERE t::text LIKE '%' || $1 || '%'`, [secret]);
    expect(rows).toEqual([]);
    const { rows: audit } = await pool.query(
      `SELECT data FROM audit_log WHERE action = 'api-token.issued' AND entity_id = $1`,
      [id],
    );
    expect(JSON.stringify(audit)).not.toContain(secret);
  });

  it("pages the labels with a cursor, the inspector as a pseudonym, and audits each call with the token's name", async () => {
    const { id, secret } = await issue({ name: `labels-${run}` });
    const first = await call(secret, "/api/v1/labels", "limit=1");
    expect(first.status).toBe(200);
    conforms("/api/v1/labels", 200, first.body);
    const firstBody = first.body as {
      data: { declId: string; inspector: string; examTs: string }[];
      nextCursor: string;
    };
    expect(firstBody.data).toHaveLength(1);
    const second = await call(secret, "/api/v1/labels", `limit=1&cursor=${firstBody.nextCursor}`);
    const secondBody = second.body as { data: { declId: string; examTs: string }[]; nextCursor: string | null };
    expect(secondBody.data[0]!.examTs > firstBody.data[0]!.examTs).toBe(true);
    const all = await call(secret, "/api/v1/labels", "limit=100");
    const allBody = all.body as { data: { declId: string; inspector: string }[]; nextCursor: string | null };
    expect(allBody.nextCursor).toBeNull();
    const { rows: inspections } = await pool.query<{ decl_id: string; inspector_id: string }>(
      `SELECT decl_id, inspector_id FROM inspections ORDER BY exam_ts, decl_id`,
    );
    expect(allBody.data.map((l) => l.declId)).toEqual(inspections.map((r) => r.decl_id));
    expect(allBody.data.map((l) => l.inspector)).toEqual(
      inspections.map((r) => pseudonym(pseudonymKey(), `api-token.${id}`, "officer", r.inspector_id)),
    );
    const { rows: audit } = await pool.query(
      `SELECT data FROM audit_log WHERE action = 'api.call' AND entity_id = $1 ORDER BY id`,
      [id],
    );
    expect(audit.map((a) => [a.data.token, a.data.path, a.data.status])).toEqual([
      [`labels-${run}`, "/api/v1/labels", 200],
      [`labels-${run}`, "/api/v1/labels", 200],
      [`labels-${run}`, "/api/v1/labels", 200],
    ]);
    const bad = await call(secret, "/api/v1/labels", "cursor=not-a-cursor");
    expect(bad.status).toBe(422);
    conforms("/api/v1/labels", 422, bad.body);
  });

  it("refuses an endpoint the scopes do not name, and officer-level data to every scope but the officers' one", async () => {
    const { secret } = await issue({ scopes: ["kpis:read", "labels:read", "risk:read", "integrity:read"] });
    for (const p of ["/api/v1/officers/kpi-results"]) {
      const r = await call(secret, p);
      expect(r.status).toBe(403);
      conforms(p, 403, r.body);
    }
    const offices = await call(secret, "/api/v1/kpi-results");
    conforms("/api/v1/kpi-results", 200, offices.body);
    const subjects = (offices.body as { data: { subjectType: string }[] }).data.map((r) => r.subjectType);
    expect(subjects.sort()).toEqual(["office", "office", "unit"]);
    const flags = await call(secret, "/api/v1/flags");
    conforms("/api/v1/flags", 200, flags.body);
    // The officer's own flag is not there; the broker–officer pair names the officer by a pseudonym only.
    const flagRows = (flags.body as { data: { subjectType: string; relatedId: string }[] }).data;
    expect(flagRows.map((f) => f.subjectType)).toEqual(["broker"]);
    expect(flagRows[0]!.relatedId).not.toBe("OF001");
    const cases = await call(secret, "/api/v1/cases");
    conforms("/api/v1/cases", 200, cases.body);
    const scores = await call(secret, "/api/v1/risk-scores");
    conforms("/api/v1/risk-scores", 200, scores.body);
    expect((scores.body as { data: { factors: { value: unknown }[] }[] }).data[0]!.factors[0]!.value).toBe("BR01");

    const narrow = await issue({ scopes: ["kpis:read"] });
    const refused = await call(narrow.secret, "/api/v1/labels");
    expect(refused.status).toBe(403);
    conforms("/api/v1/labels", 403, refused.body);
  });

  it("gives officers' figures to the officers' scope, pseudonymised per purpose, and logs the view", async () => {
    const plain = await issue({ scopes: ["officers:kpis:read"], name: `officers-${run}` });
    const r = await call(plain.secret, "/api/v1/officers/kpi-results");
    expect(r.status).toBe(200);
    conforms("/api/v1/officers/kpi-results", 200, r.body);
    expect((r.body as { data: { subjectId: string }[] }).data.map((x) => x.subjectId).sort()).toEqual([
      "OF001",
      "OF003",
    ]);
    const views = await searchViews({ officerId: "OF001", viewer: `officers-${run}` });
    expect(views[0]).toMatchObject({ what: "api", source: "/api/v1/officers/kpi-results", viaToken: true });

    const masked = await issue({
      scopes: ["officers:kpis:read", "risk:read"],
      pseudonymPurpose: "ministry-of-finance",
    });
    const m = await call(masked.secret, "/api/v1/officers/kpi-results");
    const ids = (m.body as { data: { subjectId: string }[] }).data.map((x) => x.subjectId);
    expect(ids.sort()).toEqual(
      ["OF001", "OF003"].map((o) => pseudonym(pseudonymKey(), "ministry-of-finance", "officer", o)).sort(),
    );
    const s = await call(masked.secret, "/api/v1/risk-scores");
    expect((s.body as { data: { factors: { value: unknown }[] }[] }).data[0]!.factors[0]!.value).toBe(
      pseudonym(pseudonymKey(), "ministry-of-finance", "broker", "BR01"),
    );
  });

  it("keeps a token restricted to an office inside it", async () => {
    const { secret } = await issue({
      scopes: ["labels:read", "kpis:read", "officers:kpis:read"],
      officeCode: "CMDLA5",
    });
    const labels = (await call(secret, "/api/v1/labels")).body as { data: { officeCode: string }[] };
    expect(labels.data.length).toBeGreaterThan(0);
    expect(new Set(labels.data.map((l) => l.officeCode))).toEqual(new Set(["CMDLA5"]));
    const kpis = (await call(secret, "/api/v1/kpi-results")).body as { data: { subjectId: string }[] };
    expect(kpis.data.map((k) => k.subjectId)).toEqual(["CMDLA5"]);
    const officers = (await call(secret, "/api/v1/officers/kpi-results")).body as { data: { subjectId: string }[] };
    const { rows } = await pool.query(`SELECT officer_id FROM officers WHERE office_code = 'CMDLA5'`);
    for (const o of officers.data) expect(rows.map((x) => x.officer_id)).toContain(o.subjectId);
  });

  it("refuses expired and revoked tokens, and still audits their calls", async () => {
    const none = await call(null, "/api/v1/labels");
    expect(none.status).toBe(401);
    conforms("/api/v1/labels", 401, none.body);
    const wrong = await call("pmc_unknown", "/api/v1/labels");
    expect(wrong.status).toBe(401);

    const expired = await issue({ name: `expired-${run}` });
    await db.apiToken.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const e = await call(expired.secret, "/api/v1/labels");
    expect(e).toMatchObject({ status: 401, body: { error: { message: "This API token has expired" } } });

    const revoked = await issue({ name: `revoked-${run}` });
    expect((await call(revoked.secret, "/api/v1/labels")).status).toBe(200);
    await revokeApiToken(revoked.id, adminId);
    const r = await call(revoked.secret, "/api/v1/labels");
    expect(r).toMatchObject({ status: 401, body: { error: { message: "This API token was revoked" } } });
    const { rows } = await pool.query(
      `SELECT action, data->>'status' AS status, data->>'token' AS token FROM audit_log
        WHERE entity_type = 'api_token' AND entity_id = $1 ORDER BY id`,
      [revoked.id],
    );
    expect(rows).toEqual([
      { action: "api-token.issued", status: null, token: null },
      { action: "api.call", status: "200", token: `revoked-${run}` },
      { action: "api-token.revoked", status: null, token: null },
      { action: "api.call", status: "401", token: `revoked-${run}` },
    ]);
  });

  it("limits each token's calls per minute", async () => {
    const { id, secret } = await issue({ rateLimitPerMinute: 3 });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await call(secret, "/api/v1/labels", "limit=1")).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const limited = await call(secret, "/api/v1/labels");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    conforms("/api/v1/labels", 429, limited.body);
    // Another token is not affected.
    const other = await issue({});
    expect((await call(other.secret, "/api/v1/labels")).status).toBe(200);
    const { rows } = await pool.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'api.call' AND entity_id = $1`,
      [id],
    );
    expect(rows[0].n).toBe(6);
  });

  it("has a document that refuses answers not shaped like it", () => {
    const pointer = `pmc-openapi#/paths/~1api~1v1~1labels/get/responses/200/content/application~1json/schema`;
    const validate = ajv.getSchema(pointer)!;
    expect(validate({ data: [{ declId: "D1" }], nextCursor: null })).toBe(false);
    expect(validate({ data: [], nextCursor: 3 })).toBe(false);
    expect(validate({ data: [], nextCursor: null })).toBe(true);
  });

  it("checked every endpoint's answer against the document", () => {
    for (const e of API_ENDPOINTS) expect(checked.has(`${e.path} 200`), e.path).toBe(true);
    expect([...checked].filter((c) => !c.endsWith(" 200")).sort()).toEqual([
      "/api/v1/labels 401",
      "/api/v1/labels 403",
      "/api/v1/labels 422",
      "/api/v1/labels 429",
      "/api/v1/officers/kpi-results 403",
    ]);
  });
});
