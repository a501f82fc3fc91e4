// Global setup of the e2e project: the production build served by `npm start` (port 3200) plus one worker, on a
// fresh database (pmc_e2e) holding the small canonical data set and the demo users. Test files get E2E_BASE_URL
// (through tests/support/test-env.ts); teardown stops both servers whatever happened. The build has a folder of its
// own, .next-e2e, so that `npm test` never replaces the build a running `npm run demo` serves from .next.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { TestProject } from "vitest/node";
import { SCREENSHOTS_DIR } from "./browser";
import { spawnGroup, type ChildGroup } from "./child-group";
import {
  DEFAULT_REDIS_URL,
  clearRedisPrefix,
  localDatabaseUrl,
  lockDatabaseForRun,
  migrateDatabase,
  projectRoot,
  recreateDatabase,
} from "./local-services";
import { startWorker, type WorkerProcess } from "./worker-process";
import { APP_ROLE, appRoleUrl, grantAppRole } from "./app-role";
import { WCO_SCHEMAS_DIR } from "./wco-data";

// Overridable so that several e2e runs can share one machine, like PMC_TEST_DATABASE for the integration tests.
const E2E_DATABASE = process.env.PMC_E2E_DATABASE || "pmc_e2e";
const E2E_QUEUE_PREFIX = process.env.PMC_E2E_QUEUE_PREFIX || "pmce2e";
const E2E_PORT = Number(process.env.PMC_E2E_PORT || 3200);
if (!Number.isInteger(E2E_PORT) || E2E_PORT < 1 || E2E_PORT > 65535) {
  throw new Error(`PMC_E2E_PORT must be a TCP port number, not "${process.env.PMC_E2E_PORT}"`);
}
const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
// Relative to the project root, as next.config.js's distDir is. Next.js adds a dist folder's types to tsconfig.json
// unless listed there: another folder than .next-e2e rewrites tsconfig.json.
const E2E_DIST_DIR = process.env.NEXT_DIST_DIR || ".next-e2e";
// Fixed so that a failed run can be replayed by hand; only ever used against the throwaway e2e database.
const E2E_AUTH_SECRET = "e2e-only-auth-secret-0123456789abcdef0123456789";
const CANONICAL_SMALL = path.join(projectRoot, "tests/fixtures/canonical-small");
const SEED_DEMO_USERS = path.join(projectRoot, "scripts/seed-demo-users.ts");

const bin = (name: string) => path.join(projectRoot, "node_modules/.bin", name);
const log = (message: string) => console.log(`[e2e-setup] ${message}`);

async function run(what: string, command: string, args: string[], env: NodeJS.ProcessEnv) {
  const started = Date.now();
  try {
    await promisify(execFile)(command, args, { cwd: projectRoot, env, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${what} failed:\n${(stdout ?? "").slice(-6000)}\n${(stderr ?? "").slice(-6000)}`);
  }
  log(`${what}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function answersHttp(url: string): Promise<boolean> {
  try {
    await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(5_000) });
    return true;
  } catch {
    return false;
  }
}

async function waitForHttp(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await answersHttp(url))) {
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

export default async function setup(project: TestProject) {
  const databaseUrl = localDatabaseUrl(E2E_DATABASE);
  const redisUrl = process.env.REDIS_URL ?? DEFAULT_REDIS_URL;
  // Also serialises the use of the port between concurrent runs on the same database.
  const unlock = await lockDatabaseForRun(databaseUrl);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "pmc-e2e-data-"));
  let server: ChildGroup | undefined;
  let worker: WorkerProcess | undefined;
  let workerStarting: Promise<void> | undefined;
  const stopAll = async () => {
    await workerStarting?.catch(() => undefined);
    await Promise.all([server?.stop(10_000), worker?.stop(10_000)]);
    await rm(dataDir, { recursive: true, force: true });
    await unlock();
  };

  try {
    if (await answersHttp(E2E_BASE_URL)) {
      throw new Error(`Port ${E2E_PORT} is already in use (a server left over from another run?): stop it first.`);
    }
    await Promise.all([
      recreateDatabase(databaseUrl)
        .then(() => migrateDatabase(databaseUrl))
        .then(() => grantAppRole(databaseUrl, APP_ROLE)),
      clearRedisPrefix(redisUrl, E2E_QUEUE_PREFIX),
      mkdir(SCREENSHOTS_DIR, { recursive: true }),
    ]);

    // The portal, the worker and the import run as the least-privileged role, as in a deployment.
    const appEnv: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: appRoleUrl(databaseUrl, APP_ROLE),
      DATABASE_OWNER_URL: databaseUrl,
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: E2E_QUEUE_PREFIX,
      DATA_DIR: dataDir,
      AUTH_SECRET: E2E_AUTH_SECRET,
      // Auth.js refuses requests whose host it was not told to trust outside Vercel.
      AUTH_TRUST_HOST: "true",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_DIST_DIR: E2E_DIST_DIR,
      // The portal reads no schemas of its own: the WCO upload test needs the samples' ones.
      WCO_SCHEMA_DIR: process.env.WCO_SCHEMA_DIR ?? WCO_SCHEMAS_DIR,
    };
    // The login-throttling tests rely on the default attempt budget.
    delete appEnv.LOGIN_MAX_ATTEMPTS;

    if (process.env.E2E_SKIP_BUILD === "1") {
      if (!existsSync(path.join(projectRoot, E2E_DIST_DIR, "BUILD_ID"))) {
        throw new Error(`E2E_SKIP_BUILD=1 but ${E2E_DIST_DIR}/ holds no build: run once without E2E_SKIP_BUILD first.`);
      }
      log(`E2E_SKIP_BUILD=1: using the existing build in ${E2E_DIST_DIR}/`);
    } else await run(`next build (${E2E_DIST_DIR}/)`, bin("next"), ["build"], appEnv);

    // Served as `npm start` serves it, in one process: the page cache is per process, and its tests expect the
    // second view of a page to find the first.
    server = spawnGroup(process.execPath, ["scripts/serve.mjs", "-p", String(E2E_PORT), "-H", "127.0.0.1"], {
      cwd: projectRoot,
      env: { ...appEnv, PMC_WEB_WORKERS: "1" },
    });
    workerStarting = startWorker({ env: appEnv }).then((started) => {
      worker = started;
    });
    workerStarting.catch(() => undefined); // awaited below, after the import and the seeding
    // Officers must exist before the users that link to them are seeded.
    if (existsSync(CANONICAL_SMALL)) {
      await run(
        "import canonical-small",
        process.execPath,
        ["bin/pmc.mjs", "import", "--dir", CANONICAL_SMALL],
        appEnv,
      );
    } else log("tests/fixtures/canonical-small/ not present: starting without clearance data");
    if (existsSync(SEED_DEMO_USERS)) {
      // Without the demo contracts: the tests draft and sign their own for these officers over 2025.
      const seedArgs = ["--require", "./lib/runtime/allow-server-only.cjs", SEED_DEMO_USERS, "--without-contracts"];
      await run("seed demo users", bin("tsx"), seedArgs, appEnv);
    } else log("scripts/seed-demo-users.ts not present: no demo users seeded");
    await Promise.race([waitForHttp(E2E_BASE_URL, 120_000), server.exitedEarly("the web server")]);
    await workerStarting;
  } catch (error) {
    await stopAll();
    throw error;
  }

  project.provide("testEnv", {
    E2E_BASE_URL,
    DATABASE_URL: databaseUrl,
    DATABASE_OWNER_URL: databaseUrl,
    PMC_APP_DATABASE_URL: appRoleUrl(databaseUrl, APP_ROLE),
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: E2E_QUEUE_PREFIX,
    DATA_DIR: dataDir,
    NODE_ENV: "test",
  });
  log(`portal at ${E2E_BASE_URL}`);
  return stopAll;
}
