// The one place that reads process.env (docs/conventions.md): parsed once, typed everywhere else.
import { z } from "zod";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().default("postgresql://postgres@127.0.0.1:5432/pmc"),
  REDIS_URL: z.string().default("redis://127.0.0.1:6379"),
  // Prefix for BullMQ keys, so test runs and the demo never share queues on one Redis.
  QUEUE_PREFIX: z.string().default("pmc"),
  // Where uploaded files are kept until their import has run.
  DATA_DIR: z.string().default("data"),
  AUTH_SECRET: z.string().min(32).optional(),
  SESSION_MAX_AGE_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(8 * 3600),
  LOGIN_MAX_ATTEMPTS: z.coerce.number().int().positive().default(5),
  LOGIN_WINDOW_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(15 * 60),
  // Failed logins tolerated from one IP address in the same window, all accounts together: higher than the per-email
  // budget because colleagues behind one office NAT share an address (docs/decisions/011-login-rate-limit.md).
  LOGIN_MAX_ATTEMPTS_PER_IP: z.coerce.number().int().positive().default(50),
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(2 * 1024 * 1024 * 1024),
  // Largest file attached to an integrity case (kept under DATA_DIR/case-attachments).
  CASE_ATTACHMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(10 * 1024 * 1024),
  // Jobs one worker process runs at once (2 cores: imports and KPI queries are mostly PostgreSQL's work).
  WORKER_CONCURRENCY: z.coerce.number().int().positive().default(2),
  // Rendered dashboard pages kept in memory by the proxy (docs/decisions/026-rendered-page-cache.md); 0 turns the
  // cache off. A kept page is dropped after the TTL even when no data changed.
  PAGE_CACHE_MB: z.coerce.number().int().nonnegative().default(64),
  PAGE_CACHE_TTL_SECONDS: z.coerce.number().int().positive().default(60),
  // The DEC-DMS and RES schemas (declaration/ and notification/ folders) that WCO Data Model messages are validated
  // against (docs/data-format.md). They are not part of the repository.
  WCO_SCHEMA_DIR: z.string().default("../shared/data/wco-dms/schemas"),
  // Key of the keyed pseudonyms given to officers, brokers and importers in exports and API answers that leave the
  // portal (lib/privacy/pseudonyms.ts); without it a key is created once in DATA_DIR/.pseudonym-key.
  PSEUDONYM_KEY: z.string().min(32).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Env = z.infer<typeof EnvSchema>;
export const env: Env = EnvSchema.parse(process.env);
