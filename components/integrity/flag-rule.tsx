// The rule that raised a flag: its method's parameters as stored with the flag (flags.rule), each beside the spec's
// default, so an analyst sees at once whether the unit had tuned the method when the flag was raised.
import { getFormatter, getTranslations } from "next-intl/server";
import { DEFAULT_DETECTION_PARAMS, METHOD_PARAMS_KEY } from "@/lib/integrity/detection-params";

type Rule = { method?: string; params?: Record<string, unknown> };

export async function FlagRule({ method, rule }: { method: string; rule: unknown }) {
  const [t, format] = await Promise.all([getTranslations("integrity"), getFormatter()]);
  const group = METHOD_PARAMS_KEY[method as keyof typeof METHOD_PARAMS_KEY];
  const params = ((rule ?? {}) as Rule).params ?? {};
  const defaults = (group ? DEFAULT_DETECTION_PARAMS[group] : {}) as Record<string, unknown>;
  const show = (v: unknown) =>
    Array.isArray(v)
      ? v.join(", ")
      : typeof v === "number"
        ? format.number(v, { maximumFractionDigits: 6 })
        : v === undefined
          ? "—"
          : String(v);
  const keys = [...new Set([...Object.keys(defaults), ...Object.keys(params)])];
  return (
    <section
      aria-labelledby="rule-title"
      className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
      data-testid="flag-rule"
    >
      <h2 id="rule-title" className="text-base font-semibold text-slate-900">
        {t("flag.rule.title")}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t("flag.rule.body")}</p>
      {keys.length ? (
        <table className="mt-3 min-w-full text-sm">
          <caption className="sr-only">{t("flag.rule.title")}</caption>
          <thead className="text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
            <tr>
              <th scope="col" className="py-1.5 pr-4">
                {t("flag.rule.parameter")}
              </th>
              <th scope="col" className="py-1.5 pr-4 text-right">
                {t("flag.rule.value")}
              </th>
              <th scope="col" className="py-1.5 text-right">
                {t("flag.rule.default")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {keys.map((k) => {
              const changed = JSON.stringify(params[k]) !== JSON.stringify(defaults[k]);
              return (
                <tr key={k} data-param={k}>
                  <td className="py-1.5 pr-4 text-slate-700">
                    {t.has(`params.${group}.${k}` as never) ? t(`params.${group}.${k}` as never) : k}
                  </td>
                  <td
                    className={`py-1.5 pr-4 text-right tabular-nums ${changed ? "font-semibold text-amber-800" : "text-slate-900"}`}
                  >
                    {show(params[k])}
                  </td>
                  <td className="py-1.5 text-right tabular-nums text-slate-500">{show(defaults[k])}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : (
        <p className="mt-3 text-sm text-slate-600">{t("flag.rule.none")}</p>
      )}
    </section>
  );
}
