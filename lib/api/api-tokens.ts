// API tokens (docs/decisions/033-harmonised-data-and-privacy.md): issued by an administrator with a name, scopes
// from a fixed list, an optional office, an expiry and optionally a pseudonym purpose; shown once, stored as a
// SHA-256 (the secret is 32 random bytes, so a fast hash is enough); revocable. Issuing and revoking are audited.
import "server-only";
import crypto from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { AppError } from "@/lib/kernel/app-error";
import { DomainError } from "@/lib/kernel/domain-error";
import { API_SCOPES, type ApiScope } from "@/lib/api/api-scopes";
import { PseudonymPurpose } from "@/lib/privacy/pseudonyms";

const TOKEN_PREFIX = "pmc_";
const MAX_DAYS = 366;

// Messages are keys of privacy.errors (the admin form shows them).
export const IssueTokenInput = z.object({
  name: z.string().trim().min(3, "invalidName").max(80, "invalidName"),
  scopes: z.array(z.enum(API_SCOPES, "chooseScope")).min(1, "chooseScope"),
  officeCode: z
    .string()
    .trim()
    .max(40)
    .transform((v) => v || null)
    .nullable()
    .default(null),
  expiresInDays: z.coerce.number("invalidDays").int("invalidDays").min(1, "invalidDays").max(MAX_DAYS, "invalidDays"),
  pseudonymPurpose: z
    .union([z.literal(""), PseudonymPurpose], "invalidPurpose")
    .transform((v) => v || null)
    .nullable()
    .default(null),
  rateLimitPerMinute: z.coerce
    .number("invalidRate")
    .int("invalidRate")
    .min(1, "invalidRate")
    .max(6000, "invalidRate")
    .default(60),
});

export type ApiTokenContext = {
  id: string;
  name: string;
  scopes: ApiScope[];
  officeCode: string | null;
  pseudonymPurpose: string | null;
  rateLimitPerMinute: number;
};

export const hashToken = (secret: string) => crypto.createHash("sha256").update(secret).digest("hex");

export async function issueApiToken(
  raw: z.input<typeof IssueTokenInput>,
  actorId: string,
): Promise<{ id: string; secret: string }> {
  const input = IssueTokenInput.parse(raw);
  if (input.officeCode && !(await db.office.findUnique({ where: { officeCode: input.officeCode } }))) {
    throw new DomainError("INVALID", "unknownOffice", {}, "officeCode");
  }
  if (await db.apiToken.findUnique({ where: { name: input.name } })) {
    throw new DomainError("CONFLICT", "nameTaken", {}, "name");
  }
  const secret = TOKEN_PREFIX + crypto.randomBytes(32).toString("base64url");
  const token = await db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: {
        name: input.name,
        tokenHash: hashToken(secret),
        prefix: secret.slice(0, TOKEN_PREFIX.length + 6),
        scopes: input.scopes,
        officeCode: input.officeCode,
        pseudonymPurpose: input.pseudonymPurpose,
        rateLimitPerMinute: input.rateLimitPerMinute,
        expiresAt: new Date(Date.now() + input.expiresInDays * 86_400_000),
        createdById: actorId,
      },
    });
    await writeAudit(
      {
        actorId,
        action: "api-token.issued",
        entityType: "api_token",
        entityId: created.id,
        data: {
          name: created.name,
          scopes: created.scopes,
          officeCode: created.officeCode,
          pseudonymPurpose: created.pseudonymPurpose,
          rateLimitPerMinute: created.rateLimitPerMinute,
          expiresAt: created.expiresAt.toISOString(),
        },
      },
      tx,
    );
    return created;
  });
  return { id: token.id, secret };
}

export async function revokeApiToken(id: string, actorId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const token = await tx.apiToken.findUnique({ where: { id } });
    if (!token) throw new AppError("NOT_FOUND", "No such token");
    if (token.revokedAt) return;
    await tx.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
    await writeAudit(
      { actorId, action: "api-token.revoked", entityType: "api_token", entityId: id, data: { name: token.name } },
      tx,
    );
  });
}

export type ApiTokenView = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  officeCode: string | null;
  pseudonymPurpose: string | null;
  rateLimitPerMinute: number;
  expiresAt: string;
  revokedAt: string | null;
  createdAt: string;
  createdBy: string;
  lastUsedAt: string | null;
  status: "active" | "expired" | "revoked";
};

// The last call of each token is in the audit log, the one record of calls.
export async function listApiTokens(): Promise<ApiTokenView[]> {
  const tokens = await db.apiToken.findMany({
    orderBy: { createdAt: "desc" },
    include: { createdBy: { select: { email: true } } },
  });
  const used = tokens.length
    ? await db.auditLog.groupBy({
        by: ["entityId"],
        where: { entityType: "api_token", action: "api.call", entityId: { in: tokens.map((t) => t.id) } },
        _max: { at: true },
      })
    : [];
  const lastUsed = new Map(used.map((u) => [u.entityId, u._max.at]));
  const now = Date.now();
  return tokens.map((t) => ({
    status: t.revokedAt ? "revoked" : t.expiresAt.getTime() <= now ? "expired" : "active",
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    scopes: t.scopes,
    officeCode: t.officeCode,
    pseudonymPurpose: t.pseudonymPurpose,
    rateLimitPerMinute: t.rateLimitPerMinute,
    expiresAt: t.expiresAt.toISOString(),
    revokedAt: t.revokedAt?.toISOString() ?? null,
    createdAt: t.createdAt.toISOString(),
    createdBy: t.createdBy.email,
    lastUsedAt: lastUsed.get(t.id)?.toISOString() ?? null,
  }));
}

// The token a request presents, if it is known, unexpired and not revoked; the reason otherwise.
export async function authenticateApiToken(
  authorization: string | null,
): Promise<{ ok: true; token: ApiTokenContext } | { ok: false; reason: string }> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
  if (!match) return { ok: false, reason: "An API token is required: Authorization: Bearer <token>" };
  const token = await db.apiToken.findUnique({ where: { tokenHash: hashToken(match[1]!) } });
  if (!token) return { ok: false, reason: "Unknown API token" };
  if (token.revokedAt) return { ok: false, reason: "This API token was revoked" };
  if (token.expiresAt.getTime() <= Date.now()) return { ok: false, reason: "This API token has expired" };
  return {
    ok: true,
    token: {
      id: token.id,
      name: token.name,
      scopes: token.scopes.filter((s): s is ApiScope => (API_SCOPES as readonly string[]).includes(s)),
      officeCode: token.officeCode,
      pseudonymPurpose: token.pseudonymPurpose,
      rateLimitPerMinute: token.rateLimitPerMinute,
    },
  };
}
