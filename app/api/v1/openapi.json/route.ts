// GET /api/v1/openapi.json — the OpenAPI 3.1 description of /api/v1 (public: it describes, it gives no data).
import { openApiDocument } from "@/lib/api/openapi-document";

export const dynamic = "force-dynamic";

export const GET = () => Response.json(openApiDocument());
