// The portal's least-privileged database role in test runs (the same role serves every test database of the
// server; its grants are per database).
export { appRoleUrl, grantAppRole } from "../../lib/database/app-role";

export const APP_ROLE = process.env.PMC_APP_ROLE || "pmc_app";
