// GET /api/v1/labels — control outcomes as labels for a risk engine, for API tokens (lib/api, OpenAPI at /api/v1/openapi.json).
import { handleApiRequest } from "@/lib/api/handle-api-request";
import { labelsEndpoint } from "@/lib/api/endpoints/labels";

export const dynamic = "force-dynamic";

export const GET = (request: Request) => handleApiRequest(request, labelsEndpoint);
