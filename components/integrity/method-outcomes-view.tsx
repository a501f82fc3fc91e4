// How often each method's flags were founded, with the n, over the viewer's scope and per office, and the weight the
// work queue gives each method (its record once it has enough outcomes, 1 before): method-outcomes.ts.
import { getFormatter, getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/auth/session-user";
import { methodOutcomes, MIN_OUTCOMES } from "@/lib/integrity/method-outcomes";
import { FLAG_METHODS } from "@/lib/integrity/schema";
import { TableFrame, TableHead } from "@/components/ui/table-frame";

const th = "px-3 py-3";

export async function MethodOutcomesView({ user }: { user: SessionUser }) {
  const [t, ti, format, outcomes] = await Promise.all([
    getTranslations("triage.outcomes"),
    getTranslations("integrity"),
    getFormatter(),
    methodOutcomes(user),
  ]);
  const methodName = (m: string) => (ti.has(`methods.${m}` as never) ? ti(`methods.${m}` as never) : m);
  const rate = (founded: number, n: number) =>
    n ? format.number(founded / n, { style: "percent", maximumFractionDigits: 0 }) : "—";
  const methods = [...new Set([...FLAG_METHODS, ...outcomes.byMethod.map((r) => r.method)])];
  return (
    <div className="space-y-8">
      <section aria-labelledby="outcomes-method-title" className="space-y-3">
        <h2 id="outcomes-method-title" className="text-lg font-semibold text-slate-900">
          {t("byMethod")}
        </h2>
        <p className="text-sm text-slate-600">{t("byMethodBody", { min: MIN_OUTCOMES })}</p>
        <TableFrame caption={t("byMethod")} testId="outcomes-by-method">
          <TableHead>
            <HeadCells labels={[t("method"), t("founded"), t("n"), t("rate"), t("weight")]} left={1} />
          </TableHead>
          <tbody className="divide-y divide-slate-100">
            {methods.map((m) => {
              const r = outcomes.byMethod.find((x) => x.method === m) ?? { founded: 0, n: 0, weight: 1 };
              return (
                <tr key={m} data-method={m} data-founded={r.founded} data-n={r.n}>
                  <td className="px-3 py-2.5">{methodName(m)}</td>
                  <td className="px-3 py-2.5 text-right tabular-nums">{format.number(r.founded)}</td>
                  <td className="px-3 py-2.5 text-right tabular-nums">{format.number(r.n)}</td>
                  <td className="px-3 py-2.5 text-right tabular-nums" data-testid="founded-rate">
                    {rate(r.founded, r.n)}
                  </td>
                  <td className="px-3 py-2.5 text-right tabular-nums">
                    {format.number(r.weight, { maximumFractionDigits: 2 })}
                    <span className="block text-xs text-slate-500">
                      {r.n >= MIN_OUTCOMES ? t("learned") : t("equal", { missing: MIN_OUTCOMES - r.n })}
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </TableFrame>
      </section>
      <section aria-labelledby="outcomes-office-title" className="space-y-3">
        <h2 id="outcomes-office-title" className="text-lg font-semibold text-slate-900">
          {t("byOffice")}
        </h2>
        {outcomes.byOffice.length ? (
          <TableFrame caption={t("byOffice")} testId="outcomes-by-office">
            <TableHead>
              <HeadCells labels={[t("office"), t("method"), t("founded"), t("n"), t("rate")]} left={2} />
            </TableHead>
            <tbody className="divide-y divide-slate-100">
              {outcomes.byOffice.map((r) => (
                <tr key={`${r.officeCode}|${r.method}`} data-office={r.officeCode ?? ""} data-method={r.method}>
                  <td className="px-3 py-2.5">{r.officeCode ?? t("allOffices")}</td>
                  <td className="px-3 py-2.5">{methodName(r.method)}</td>
                  <td className="px-3 py-2.5 text-right tabular-nums">{format.number(r.founded)}</td>
                  <td className="px-3 py-2.5 text-right tabular-nums">{format.number(r.n)}</td>
                  <td className="px-3 py-2.5 text-right tabular-nums">{rate(r.founded, r.n)}</td>
                </tr>
              ))}
            </tbody>
          </TableFrame>
        ) : (
          <p className="rounded-md border border-dashed border-slate-300 px-4 py-8 text-center text-sm text-slate-600">
            {t("none")}
          </p>
        )}
      </section>
    </div>
  );
}

// Column headers: the first `left` name their rows, the others hold numbers.
function HeadCells({ labels, left }: { labels: string[]; left: number }) {
  return labels.map((label, i) => (
    <th key={label} scope="col" className={i < left ? th : `${th} text-right`}>
      {label}
    </th>
  ));
}
