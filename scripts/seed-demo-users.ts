// Creates or resets the demo accounts and prints them with their passwords, then makes sure the demo contracts
// exist (lib/contracts/seed-demo-contracts.ts), with a one-line summary on stderr. `--without-contracts` seeds the
// accounts only (the e2e tests make their own contracts).
// Run: npx tsx --require ./lib/runtime/allow-server-only.cjs scripts/seed-demo-users.ts [--without-contracts]
import { seedDemoUsers, type DemoUser } from "@/lib/users/seed-demo-users";
import { seedDemoContracts } from "@/lib/contracts/seed-demo-contracts";
import { db } from "@/lib/db";

async function seedContracts(users: DemoUser[]) {
  const c = await seedDemoContracts(users);
  const statuses =
    Object.entries(c.byStatus)
      .map(([status, n]) => `${n} ${status}`)
      .join(", ") || "none";
  const skipped = c.skipped.length
    ? `; ${c.skipped.length} parties skipped (${c.skipped.map((s) => `${s.party}: ${s.reason}`).join(", ")})`
    : "";
  process.stderr.write(
    `demo contracts: ${c.contracts} in ${c.offices.length} offices (${statuses}); this run created ${c.created}, signed ${c.signed}, ` +
      `acknowledged ${c.acknowledged}, activated ${c.activated}${skipped}\n`,
  );
}

try {
  const users = await seedDemoUsers();
  console.log("Demo accounts (sign in at /login):");
  console.table(users.map((u) => ({ email: u.email, password: u.password, role: u.role, officer: u.officerId ?? "" })));
  if (!process.argv.includes("--without-contracts")) await seedContracts(users);
} finally {
  await db.$disconnect();
}
