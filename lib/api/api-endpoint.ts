// What one /api/v1 endpoint is: its path, the scope it needs, its query and answer (zod, which also write the
// OpenAPI document) and what it does.
import type { z } from "zod";
import type { ApiScope } from "@/lib/api/api-scopes";
import type { ApiTokenContext } from "@/lib/api/api-tokens";
import type { Pseudonymizer } from "@/lib/privacy/pseudonyms";

export type ApiCallContext = {
  token: ApiTokenContext;
  // Brokers and importers as the token receives them (its pseudonym purpose, or as stored).
  party: Pseudonymizer;
  // Officers on an endpoint whose scope does not name officers: always a pseudonym.
  officer: (id: string | null) => string | null;
};

export type ApiResult = { body: unknown; viewedOfficers?: string[] };

export type ApiEndpoint = {
  path: `/api/v1/${string}`;
  scope: ApiScope;
  summary: string;
  description: string;
  query: z.ZodObject;
  response: z.ZodType;
  run: (context: ApiCallContext, query: Record<string, unknown>) => Promise<ApiResult>;
};

export function defineEndpoint<Q extends z.ZodObject, R extends z.ZodType>(endpoint: {
  path: `/api/v1/${string}`;
  scope: ApiScope;
  summary: string;
  description: string;
  query: Q;
  response: R;
  run: (context: ApiCallContext, query: z.infer<Q>) => Promise<{ body: z.infer<R>; viewedOfficers?: string[] }>;
}): ApiEndpoint {
  return endpoint as unknown as ApiEndpoint;
}
