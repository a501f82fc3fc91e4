// The one place that reads process.env (docs/conventions.md): parsed once, typed everywhere else.
import { z } from "zod";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  // What the portal, the worker and the commands connect as: in a deployment, the least-privileged role
  // (lib/database/app-role.ts), which cannot change the audit log or the schema.
  DATABASE_URL: z.string().default("postgresql://postgres@127.0.0.1:5432/pmc"),
  // The owner of the schema, for migrations, `pmc db reset|backup|restore`; the same as DATABASE_URL when unset.
  DATABASE_OWNER_URL: z.string().optional(),
  REDIS_URL: z.string().default("redis://127.0.0.1:6379"),
  // Prefix of the BullMQ keys. Unset, it is the name of the database (queuePrefixFor): two databases on one Redis
  // never exchange jobs unless told to share a prefix.
  QUEUE_PREFIX: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z
      .string()
      .regex(/^[\w.-]{1,64}$/)
      .optional(),
  ),
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
  // Reverse proxies in front of the portal whose X-Forwarded-For entries are believed; 0: the socket's address
  // (lib/auth/client-address.ts).
  TRUST_PROXY_HOPS: z.coerce.number().int().nonnegative().default(0),
  // Failed logins tolerated from one IP address in the same window, all accounts together: higher than the per-email
  // budget because colleagues behind one office NAT share an address (docs/decisions/029-sign-in-throttling.md).
  LOGIN_MAX_ATTEMPTS_PER_IP: z.coerce.number().int().positive().default(50),
  // The longest an account is slowed down by failures from all addresses together: its owner waits at most this
  // long, however many guesses others make (docs/decisions/029-sign-in-throttling.md).
  LOGIN_ACCOUNT_MAX_DELAY_SECONDS: z.coerce.number().int().positive().default(60),
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
  // A running job's row is refreshed every lease / 4; a RUNNING row not refreshed for a whole lease is interrupted
  // and queued again by the workers' reconcile pass, run at start and every JOB_RECONCILE_SECONDS; a job started
  // JOB_MAX_ATTEMPTS times without finishing fails with its reason (docs/operations.md).
  JOB_LEASE_SECONDS: z.coerce.number().positive().default(60),
  JOB_RECONCILE_SECONDS: z.coerce.number().positive().default(60),
  JOB_MAX_ATTEMPTS: z.coerce.number().int().positive().default(3),
  // On SIGTERM or SIGINT the worker takes no new job and waits this long for the running ones, then hands them back
  // to the queue and exits 0.
  WORKER_SHUTDOWN_GRACE_SECONDS: z.coerce.number().nonnegative().default(30),
  // Rendered dashboard pages kept in memory by the proxy (docs/decisions/026-rendered-page-cache.md); 0 turns the
  // cache off. A kept page is dropped after the TTL even when no data changed.
  PAGE_CACHE_MB: z.coerce.number().int().nonnegative().default(64),
  PAGE_CACHE_TTL_SECONDS: z.coerce.number().int().positive().default(60),
  // The national currency (ISO 4217 code) every money value is shown in: the demo's data are in CFA francs.
  CURRENCY_CODE: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .default("XAF"),
  // The DEC-DMS and RES schemas (declaration/ and notification/ folders) that WCO Data Model messages are validated
  // against (docs/data-format.md). They come with the WCO Data Model package and are not part of the repository:
  // without them WCO imports are refused with a message saying so.
  WCO_SCHEMA_DIR: z.string().optional(),
  // Key of the keyed pseudonyms given to officers, brokers and importers in exports and API answers that leave the
  // portal (lib/privacy/pseudonyms.ts); without it a key is created once in DATA_DIR/.pseudonym-key.
  PSEUDONYM_KEY: z.string().min(32).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  // The SMTP server the weekly integrity digest goes out through ("smtp://user:pass@host:587"); unset, digests stay in
  // the portal. MAIL_FROM signs them; PORTAL_URL is where their links point.
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default("PMC Portal <no-reply@pmc.local>"),
  PORTAL_URL: z.string().url().default("http://127.0.0.1:3000"),
});

// The database name of a PostgreSQL URL, as a queue prefix ("pmc" when the URL names none).
export function queuePrefixFor(databaseUrl: string): string {
  let name = "";
  try {
    name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  } catch {
    // not a URL: keep the default
  }
  return name.replace(/[^\w.-]/g, "_").slice(0, 64) || "pmc";
}

export type Env = Omit<z.infer<typeof EnvSchema>, "QUEUE_PREFIX"> & { QUEUE_PREFIX: string };
const parsed = EnvSchema.parse(process.env);
export const env: Env = { ...parsed, QUEUE_PREFIX: parsed.QUEUE_PREFIX ?? queuePrefixFor(parsed.DATABASE_URL) };

export const ownerDatabaseUrl = (): string => env.DATABASE_OWNER_URL ?? env.DATABASE_URL;
