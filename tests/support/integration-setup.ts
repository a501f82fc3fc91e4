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

// Overridable so that several test runs can share one machine without dropping each other's database.
const TEST_DATABASE = process.env.PMC_TEST_DATABASE ?? "pmc_test";
const TEST_QUEUE_PREFIX = process.env.PMC_TEST_QUEUE_PREFIX ?? "pmctest";

export default async function setup(project: TestProject) {
  const databaseUrl = localDatabaseUrl(TEST_DATABASE);
  const redisUrl = process.env.REDIS_URL ?? DEFAULT_REDIS_URL;
  const unlock = await lockDatabaseForRun(databaseUrl);
  await Promise.all([
    recreateDatabase(databaseUrl).then(() => migrateDatabase(databaseUrl)),
    clearRedisPrefix(redisUrl, TEST_QUEUE_PREFIX),
  ]);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "pmc-test-data-"));

  project.provide("testEnv", {
    DATABASE_URL: databaseUrl,
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
