// Guard of the dashboards (managers and administrators): runs before anything streams, so a wrong role gets a real
// HTTP 403 (docs/decisions/013-guards-and-403.md). No loading.tsx: an unknown office must answer a real 404.
import { requireArea } from "@/lib/auth/guards";
import { ClientMessages } from "@/components/i18n/client-messages";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  await requireArea("dashboard");
  return <ClientMessages part="dashboard">{children}</ClientMessages>;
}
