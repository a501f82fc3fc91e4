// The /api/v1 endpoints, in the order the OpenAPI document lists them.
import "server-only";
import type { ApiEndpoint } from "@/lib/api/api-endpoint";
import { labelsEndpoint } from "@/lib/api/endpoints/labels";
import { riskScoresEndpoint } from "@/lib/api/endpoints/risk-scores";
import { kpiResultsEndpoint, officerKpiResultsEndpoint } from "@/lib/api/endpoints/kpi-results";
import { casesEndpoint, flagsEndpoint } from "@/lib/api/endpoints/integrity-summary";

export const API_ENDPOINTS: ApiEndpoint[] = [
  labelsEndpoint,
  riskScoresEndpoint,
  kpiResultsEndpoint,
  officerKpiResultsEndpoint,
  flagsEndpoint,
  casesEndpoint,
];
