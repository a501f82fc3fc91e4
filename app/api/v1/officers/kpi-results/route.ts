// GET /api/v1/officers/kpi-results — KPI results of officers (a scope that names officers), for API tokens (lib/api, OpenAPI at /api/v1/openapi.json).
import { handleApiRequest } from "@/lib/api/handle-api-request";
import { officerKpiResultsEndpoint } from "@/lib/api/endpoints/kpi-results";

export const dynamic = "force-dynamic";

export const GET = (request: Request) => handleApiRequest(request, officerKpiResultsEndpoint);
