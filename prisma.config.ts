// Prisma CLI configuration: migrations run through the pg driver adapter and the WebAssembly schema engine
// shipped on npm, so nothing is downloaded (docs/decisions/001-prisma-offline.md).
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

const databaseUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/pmc";
process.env.DATABASE_URL = databaseUrl;

// prisma/orm#27403: the schema engine cannot deserialize PostgreSQL catalog types (name, "char", regproc, oid…).
// Reporting them as text / text[] is enough for introspection and migrations; only the CLI uses this client.
const TEXT = 25;
const TEXT_ARRAY = 1009;
const CATALOG_SCALARS = new Set([18, 19, 24, 26, 2202, 2205, 2206, 3734, 3769, 4089, 4096, 194, 3361, 3402]);
const CATALOG_ARRAYS = new Set([1002, 1003, 1008, 1028, 2207, 2208, 2209, 3735, 3770, 4090, 4097]);

function reportCatalogTypesAsText(res: pg.QueryResult | undefined) {
  for (const field of res?.fields ?? []) {
    if (CATALOG_SCALARS.has(field.dataTypeID)) field.dataTypeID = TEXT;
    else if (CATALOG_ARRAYS.has(field.dataTypeID)) field.dataTypeID = TEXT_ARRAY;
  }
  return res;
}

class CatalogAsTextClient extends pg.Client {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const last = args[args.length - 1];
    if (typeof last === "function") {
      // pg.Pool#query hands its own callback to the client.
      args[args.length - 1] = (err: Error | null, res: pg.QueryResult) => last(err, reportCatalogTypesAsText(res));
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const result = (super.query as any)(...args);
    return result && typeof result.then === "function" ? result.then(reportCatalogTypesAsText) : result;
  }
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    const factory = new PrismaPg({ connectionString: databaseUrl, Client: CatalogAsTextClient } as pg.PoolConfig);
    const connect = factory.connect.bind(factory);
    // The adapter splits migration scripts on every ";", which breaks PL/pgSQL bodies (our audit-log trigger).
    // PostgreSQL runs a multi-statement script itself in one simple query, so hand it over whole.
    factory.connect = async () => {
      const adapter = await connect();
      adapter.executeScript = async (script: string) => {
        try {
          await (adapter.underlyingDriver() as pg.Pool).query(script);
        } catch (error) {
          // eslint-disable-next-line @typescript-eslint/no-explicit-any
          (adapter as any).onError(error);
        }
      };
      return adapter;
    };
    return factory;
  },
});
