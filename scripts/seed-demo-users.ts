// Creates or resets the demo accounts and prints them with their passwords.
// Run: npx tsx --require ./lib/runtime/allow-server-only.cjs scripts/seed-demo-users.ts
import { seedDemoUsers } from "@/lib/users/seed-demo-users";
import { db } from "@/lib/db";

try {
  const users = await seedDemoUsers();
  console.log("Demo accounts (sign in at /login):");
  console.table(users.map((u) => ({ email: u.email, password: u.password, role: u.role, officer: u.officerId ?? "" })));
} finally {
  await db.$disconnect();
}
