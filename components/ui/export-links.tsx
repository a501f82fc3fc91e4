// "Download CSV / Download Excel" for a table, both from the same route pair (…/name.csv and …/name.xlsx).
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";

export async function ExportLinks({ base, query, label }: { base: string; query: string; label?: string }) {
  const t = await getTranslations("common.export");
  return (
    <div className="flex gap-2" role="group" aria-label={label ?? t("label")}>
      <a href={`${base}.csv?${query}`} className={buttonClasses("secondary", "px-2.5 py-1.5 text-xs")} download>
        {t("csv")}
      </a>
      <a href={`${base}.xlsx?${query}`} className={buttonClasses("secondary", "px-2.5 py-1.5 text-xs")} download>
        {t("xlsx")}
      </a>
    </div>
  );
}
