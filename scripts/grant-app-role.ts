// Grants the portal's least-privileged role on a migrated database: `tsx scripts/grant-app-role.ts OWNER_URL ROLE`
// (npm run demo runs it after the migrations).
import { grantAppRole } from "../lib/database/app-role";

const [ownerUrl, role] = process.argv.slice(2);
if (!ownerUrl || !role) {
  console.error("usage: tsx scripts/grant-app-role.ts OWNER_DATABASE_URL ROLE");
  process.exit(2);
}
await grantAppRole(ownerUrl, role);
