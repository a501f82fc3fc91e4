// GET /api/v1/flags — integrity flags in summary, for API tokens (lib/api, OpenAPI at /api/v1/openapi.json).
import { handleApiRequest } from "@/lib/api/handle-api-request";
import { flagsEndpoint } from "@/lib/api/endpoints/integrity-summary";

export const dynamic = "force-dynamic";

export const GET = (request: Request) => handleApiRequest(request, flagsEndpoint);
