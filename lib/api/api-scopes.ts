// The fixed list of what an API token may be allowed to read. A scope that gives officer-level data names officers,
// so that no officer's figures are reachable with a token issued for anything else.
export const API_SCOPES = ["labels:read", "risk:read", "kpis:read", "integrity:read", "officers:kpis:read"] as const;

export type ApiScope = (typeof API_SCOPES)[number];

export const isOfficerScope = (scope: ApiScope) => scope.startsWith("officers:");
