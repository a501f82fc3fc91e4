// Global setup of the integration project: a fresh `pmc_test` database with every migration, a Redis free of
// earlier `pmctest:*` keys, and a temp DATA_DIR; tests/support/test-env.ts passes them to the test files.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import {
  DEFAULT_REDIS_URL,
  clearRedisPrefix,
  localDatabaseUrl,
  lockDatabaseForRun,
  migrateDatabase,
  recreateDatabase,
} from "./local-services";
import { APP_ROLE, appRoleUrl, grantAppRole } from "./app-role";

// Overridable so that several test runs can share one machine without dropping each other's database.
const TEST_DATABASE = process.env.PMC_TEST_DATABASE ?? "pmc_test";
const TEST_QUEUE_PREFIX = process.env.PMC_TEST_QUEUE_PREFIX ?? "pmctest";

export default async function setup(project: TestProject) {
  const databaseUrl = localDatabaseUrl(TEST_DATABASE);
  const redisUrl = process.env.REDIS_URL ?? DEFAULT_REDIS_URL;
  const unlock = await lockDatabaseForRun(databaseUrl);
  await Promise.all([
    recreateDatabase(databaseUrl)
      .then(() => migrateDatabase(databaseUrl))
      .then(() => grantAppRole(databaseUrl, APP_ROLE)),
    clearRedisPrefix(redisUrl, TEST_QUEUE_PREFIX),
  ]);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "pmc-test-data-"));

  project.provide("testEnv", {
    // Test files keep the owner's connection (they create and delete fixtures freely); the portal's own,
    // least-privileged one is there for the tests that check what it may not do.
    DATABASE_URL: databaseUrl,
    DATABASE_OWNER_URL: databaseUrl,
    PMC_APP_DATABASE_URL: appRoleUrl(databaseUrl, APP_ROLE),
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: TEST_QUEUE_PREFIX,
    DATA_DIR: dataDir,
    NODE_ENV: "test",
  });

  return async () => {
    await rm(dataDir, { recursive: true, force: true });
    await unlock();
  };
}
