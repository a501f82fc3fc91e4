// GET /api/v1/risk-scores: the latest risk model's scores with each factor's contribution (the explanation), in
// order of registration, after a cursor.
import "server-only";
import { z } from "zod";
import { pool } from "@/lib/pg";
import { defineEndpoint } from "@/lib/api/api-endpoint";
import { decodeCursor, page, PageQuery } from "@/lib/api/api-paging";

const Factor = z
  .object({
    factor: z.string(),
    value: z.union([z.string(), z.number(), z.null()]),
    contribution: z.number().meta({ description: "log-odds this factor adds to an average declaration" }),
  })
  .meta({ id: "RiskFactor" });

const Score = z
  .object({
    declId: z.string(),
    officeCode: z.string(),
    regTs: z.string(),
    score: z.number().meta({ description: "probability of an offence, 0 to 1" }),
    factors: z.array(Factor),
  })
  .meta({ id: "RiskScore" });

const Model = z
  .object({ id: z.string(), createdAt: z.string(), trainFrom: z.string(), trainTo: z.string() })
  .meta({ id: "RiskModel" });

type Row = { decl_id: string; office_code: string; reg_ts: string; score: number; factors: z.infer<typeof Factor>[] };

// The model's categorical factors that name a party.
const PARTY_FACTORS = { declarant: "broker", importer: "importer" } as const;

export const riskScoresEndpoint = defineEndpoint({
  path: "/api/v1/risk-scores",
  scope: "risk:read",
  summary: "Risk scores with their explanations",
  description: "Scores of the latest risk model, in order of registration then declaration.",
  query: PageQuery,
  response: z
    .object({
      model: Model.nullable(),
      data: z.array(Score),
      nextCursor: z.string().nullable(),
    })
    .meta({ id: "RiskScorePage" }),
  run: async ({ token, party }, query) => {
    const after = decodeCursor(query.cursor, z.tuple([z.string(), z.string()]));
    const { rows: models } = await pool.query<{ id: string; created_at: Date; train_from: string; train_to: string }>(
      `SELECT id, created_at, train_from, train_to FROM risk_models ORDER BY created_at DESC LIMIT 1`,
    );
    const model = models[0];
    if (!model) return { body: { model: null, data: [], nextCursor: null } };
    const { rows } = await pool.query<Row>(
      `SELECT decl_id, office_code, reg_ts, score, factors FROM risk_scores
        WHERE model_id = $1 AND ($2::text IS NULL OR office_code = $2)
          AND ($3::timestamp IS NULL OR (reg_ts, decl_id) > ($3::timestamp, $4::text))
        ORDER BY reg_ts, decl_id
        LIMIT $5`,
      [model.id, token.officeCode, after?.[0] ?? null, after?.[1] ?? null, query.limit],
    );
    const body = page(
      rows,
      query.limit,
      (r) => ({
        declId: r.decl_id,
        officeCode: r.office_code,
        regTs: r.reg_ts,
        score: r.score,
        factors: r.factors.map((f) => {
          const kind = PARTY_FACTORS[f.factor as keyof typeof PARTY_FACTORS];
          return kind && typeof f.value === "string" ? { ...f, value: party(kind, f.value) } : f;
        }),
      }),
      (r) => [r.reg_ts, r.decl_id],
    );
    return {
      body: {
        model: {
          id: model.id,
          createdAt: model.created_at.toISOString(),
          trainFrom: model.train_from,
          trainTo: model.train_to,
        },
        ...body,
      },
    };
  },
});
