// One Prisma client for the app, the worker and the CLI, through the pg driver adapter (no downloaded engines).
import "server-only";
import { PrismaClient } from "@prisma/client";
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "@/lib/env";

function createPrisma() {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: env.DATABASE_URL, max: 5 }),
    // Password hashes never leave the database unless a query asks for them by name.
    omit: { user: { passwordHash: true } },
  });
}

const globalForPrisma = globalThis as unknown as { prisma?: ReturnType<typeof createPrisma> };
export const db = globalForPrisma.prisma ?? createPrisma();
if (env.NODE_ENV !== "production") globalForPrisma.prisma = db;
