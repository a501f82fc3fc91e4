// Download of the declarations of a period as WCO Data Model messages (a plain GET form: the browser saves the zip).
import { getTranslations } from "next-intl/server";
import { Field, inputClasses } from "@/components/ui/field";
import { buttonClasses } from "@/components/ui/button";

export async function WcoExportForm({ from, to }: { from: string; to: string }) {
  const t = await getTranslations("data.export");
  return (
    <section aria-labelledby="wco-export-title" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="wco-export-title" className="text-base font-semibold text-slate-900">
        {t("title")}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t("help")}</p>
      <form method="get" action="/api/wco/export.zip" className="mt-4 grid grid-cols-1 items-end gap-4 sm:grid-cols-4">
        <Field id="wco-from" label={t("from")}>
          <input name="from" type="date" required defaultValue={from} className={inputClasses} />
        </Field>
        <Field id="wco-to" label={t("to")}>
          <input name="to" type="date" required defaultValue={to} className={inputClasses} />
        </Field>
        <Field id="wco-pseudonyms" label={t("pseudonyms")} hint={t("pseudonymsHint")}>
          <input name="pseudonyms" type="text" autoComplete="off" className={inputClasses} />
        </Field>
        <button type="submit" className={buttonClasses("secondary")}>
          {t("submit")}
        </button>
      </form>
    </section>
  );
}
