// Guard of the Data area: runs before the page streams, so a wrong role gets a real HTTP 403
// (docs/decisions/013-guards-and-403.md).
import { requireArea } from "@/lib/auth/guards";
import { ClientMessages } from "@/components/i18n/client-messages";

export default async function DataLayout({ children }: { children: React.ReactNode }) {
  await requireArea("data");
  return <ClientMessages part="data">{children}</ClientMessages>;
}
