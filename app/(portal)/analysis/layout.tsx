// Guard of the Analysis area (administrators, managers, integrity analysts): runs before anything streams, so an
// officer gets a real HTTP 403 (docs/decisions/013-guards-and-403.md). No loading.tsx, for the same reason.
import { requireArea } from "@/lib/auth/guards";
import { ClientMessages } from "@/components/i18n/client-messages";

export default async function AnalysisLayout({ children }: { children: React.ReactNode }) {
  await requireArea("analysis");
  return <ClientMessages part="analysis">{children}</ClientMessages>;
}
