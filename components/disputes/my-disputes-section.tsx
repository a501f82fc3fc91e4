// The officer's disputes of their own monthly figures, with the answers, and the form to file one. Self-contained
// (it reads the user's disputes and contracts itself) so that any officer page can mount it: /me lists every
// contract's disputes; a contract page passes its contractNo to show that contract's only.
import { getFormatter, getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/auth/session-user";
import { listOfficerDisputes } from "@/lib/disputes/list-disputes";
import { disputeChoices } from "@/lib/disputes/dispute-options";
import { formatMonth } from "@/components/format/kpi-format";
import { DisputeCard } from "@/components/disputes/dispute-card";
import { DisputeForm, type DisputeFormChoice } from "@/components/disputes/dispute-form";
import type { FormAction } from "@/components/forms/use-form-action";

// The page passes its server action in: components never import from app/.
export async function MyDisputesSection({
  user,
  contractNo,
  openDispute,
}: {
  user: SessionUser;
  contractNo?: number;
  openDispute: FormAction;
}) {
  const [t, tf, tc, format, disputes, contracts] = await Promise.all([
    getTranslations("disputes.mine"),
    getTranslations("disputes.form"),
    getTranslations("contracts"),
    getFormatter(),
    listOfficerDisputes(user, { contractNo }),
    disputeChoices(user),
  ]);
  const choices: DisputeFormChoice[] = contracts
    .filter((c) => contractNo === undefined || c.contractNo === contractNo)
    .map((c) => ({
      id: c.id,
      label: tf("contractOption", { title: c.title, contractNo: c.contractNo, version: c.version }),
      kpis: c.kpiIds.map((k) => ({ value: k, label: `${tc(`kpis.${k}.name`)} (${k})` })),
      months: c.months.map((m) => ({ value: m, label: formatMonth(format, m) })),
    }));
  return (
    <section aria-labelledby="my-disputes-title" className="space-y-4" data-testid="my-disputes">
      <div>
        <h2 id="my-disputes-title" className="text-lg font-semibold text-slate-900">
          {t("title")}
        </h2>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("body")}</p>
      </div>
      {choices.length ? (
        <DisputeForm choices={choices} action={openDispute} />
      ) : (
        <p className="text-sm text-slate-600">{t("noContract")}</p>
      )}
      {disputes.length ? (
        <div className="space-y-3">
          {disputes.map((d) => (
            <DisputeCard key={d.id} dispute={d} contractHref={`/me/contracts/${d.contract.id}`} showOfficer={false} />
          ))}
        </div>
      ) : (
        <p className="text-sm text-slate-600">{t("empty")}</p>
      )}
    </section>
  );
}
