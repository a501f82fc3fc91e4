// GET /api/v1/kpi-results — KPI results of offices and units, for API tokens (lib/api, OpenAPI at /api/v1/openapi.json).
import { handleApiRequest } from "@/lib/api/handle-api-request";
import { kpiResultsEndpoint } from "@/lib/api/endpoints/kpi-results";

export const dynamic = "force-dynamic";

export const GET = (request: Request) => handleApiRequest(request, kpiResultsEndpoint);
