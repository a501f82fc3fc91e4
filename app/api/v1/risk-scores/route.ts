// GET /api/v1/risk-scores — the latest risk model's scores with their explanations, for API tokens (lib/api, OpenAPI at /api/v1/openapi.json).
import { handleApiRequest } from "@/lib/api/handle-api-request";
import { riskScoresEndpoint } from "@/lib/api/endpoints/risk-scores";

export const dynamic = "force-dynamic";

export const GET = (request: Request) => handleApiRequest(request, riskScoresEndpoint);
