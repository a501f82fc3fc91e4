// One flag of a case with its frozen evidence: the flag as detection left it (method, subject, period, score, rule
// and parameters, statistics), the hash and whether the stored snapshot still matches it, and the first evidence
// declarations (the whole snapshot downloads as the canonical JSON its hash is computed over).
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { CaseDetail } from "@/lib/cases/get-case-detail";
import { formatDay } from "@/components/format/kpi-format";

export const EVIDENCE_ROWS_SHOWN = 20;

type FlagEvidence = CaseDetail["flags"][number];

const th = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600";
const td = "whitespace-nowrap px-3 py-1.5 text-slate-800";
const text = (v: unknown) =>
  v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : String(v);

type Formatter = Awaited<ReturnType<typeof getFormatter>>;

// { minPair: 3, kpis: ["I1", "I7"], p0: 0.0924444 } → "minPair 3 · kpis I1, I7 · p0 0.09244": numbers to four
// significant digits for reading (the downloadable snapshot keeps them whole).
function pairs(format: Formatter, value: unknown): string {
  const number = (v: number) =>
    v !== 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e12)
      ? format.number(v, { notation: "scientific", maximumSignificantDigits: 3 })
      : format.number(v, { maximumSignificantDigits: 4 });
  const one = (v: unknown): string =>
    typeof v === "number" ? number(v) : Array.isArray(v) ? v.map(one).join(", ") : text(v);
  if (!value || typeof value !== "object") return one(value);
  return Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => `${k} ${one(v)}`)
    .join(" · ");
}

export async function CaseEvidence({ caseId, item }: { caseId: number; item: FlagEvidence }) {
  const [t, tm, tf, ts, format] = await Promise.all([
    getTranslations("cases"),
    getTranslations("cases.methods"),
    getTranslations("cases.flagStates"),
    getTranslations("cases.declarationStatus"),
    getFormatter(),
  ]);
  const status = (v: unknown) => (ts.has(text(v) as "paid") ? ts(text(v) as "paid") : text(v));
  const { snapshot } = item;
  const flag = snapshot.flag;
  const rule = (flag.rule ?? {}) as { params?: unknown };
  const money = (v: unknown) =>
    v === null || v === undefined || v === ""
      ? ""
      : format.number(Number(v), { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const rows = snapshot.declarations.slice(0, EVIDENCE_ROWS_SHOWN);
  const itemLevel = rows.some((r) => r.item_no !== undefined && r.item_no !== null);
  const method = tm.has(flag.method as "BENFORD") ? tm(flag.method as "BENFORD") : flag.method;
  return (
    <article
      className="rounded-lg border border-slate-200 bg-white shadow-sm"
      data-testid="case-flag"
      data-flag={item.flagId}
    >
      <header className="flex flex-wrap items-start justify-between gap-3 border-b border-slate-100 px-4 py-3">
        <div>
          <h3 className="text-base font-semibold text-slate-900">
            {t("evidence.flag", { id: item.flagId })} · {method}
            {flag.kpiId ? ` ${flag.kpiId}` : ""}
          </h3>
          <p className="text-sm text-slate-600">
            {[flag.subjectId, flag.relatedId].filter(Boolean).join(" / ")} · {formatDay(format, flag.periodFrom)} –{" "}
            {formatDay(format, flag.periodTo)}
          </p>
        </div>
        <Link
          href={`/integrity/flags/${item.flagId}`}
          className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline"
        >
          {t("evidence.openFlag")}
        </Link>
      </header>
      <dl className="grid gap-x-6 gap-y-2 px-4 py-3 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500">
            {t("evidence.score")} · {t("evidence.n")}
          </dt>
          <dd className="tabular-nums text-slate-900">
            {format.number(flag.score, { maximumFractionDigits: 3 })} · {flag.n}
          </dd>
        </div>
        <div>
          <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t("evidence.rule")}</dt>
          <dd className="break-words text-slate-900" data-testid="evidence-rule">
            {pairs(format, rule.params ?? rule)}
          </dd>
        </div>
        <div className="sm:col-span-2">
          <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t("evidence.statistics")}</dt>
          <dd className="break-words text-slate-900">{pairs(format, flag.stats)}</dd>
        </div>
        <div className="sm:col-span-2">
          <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t("evidence.hash")}</dt>
          <dd className="flex flex-wrap items-center gap-2">
            <code
              className="break-all rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-800"
              data-testid="evidence-hash"
            >
              {item.sha256}
            </code>
            {item.intact ? (
              <span
                className="inline-flex items-center gap-1 rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-900 ring-1 ring-inset ring-emerald-200"
                data-intact="true"
              >
                <span aria-hidden>✓</span>
                {t("evidence.intact")}
              </span>
            ) : (
              <span
                className="inline-flex items-center gap-1 rounded-full bg-red-50 px-2 py-0.5 text-xs font-medium text-red-800 ring-1 ring-inset ring-red-200"
                data-intact="false"
              >
                <span aria-hidden>✗</span>
                {t("evidence.tampered")}
              </span>
            )}
          </dd>
        </div>
        <div className="text-xs text-slate-600 sm:col-span-2">
          {t("evidence.frozen", {
            date: format.dateTime(item.capturedAt, { dateStyle: "medium", timeStyle: "short" }),
            name: item.capturedByName ?? t("detail.someone"),
          })}
          {" · "}
          {item.current ? t("evidence.flagNow", { state: tf(item.current.state) }) : t("evidence.flagGone")}
        </div>
      </dl>
      <div className="border-t border-slate-100 px-4 py-3">
        <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
          <p className="text-sm text-slate-700">
            {t("evidence.declarations", { shown: rows.length, total: snapshot.total })}
          </p>
          <a
            href={`/api/cases/${caseId}/evidence/${item.flagId}`}
            className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline"
          >
            {t("evidence.download")}
          </a>
        </div>
        {item.truncated ? (
          <p className="mb-2 text-xs text-amber-800">
            {t("evidence.truncated", { kept: item.declarationCount, total: snapshot.total })}
          </p>
        ) : null}
        {rows.length ? (
          <div className="overflow-x-auto rounded-md border border-slate-200">
            <table className="min-w-full divide-y divide-slate-200 text-xs" data-testid="evidence-table">
              <caption className="sr-only">{t("evidence.caption", { id: item.flagId })}</caption>
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className={th}>
                    {t("evidence.columns.decl_id")}
                  </th>
                  {itemLevel ? (
                    <th scope="col" className={th}>
                      {t("evidence.columns.item")}
                    </th>
                  ) : null}
                  <th scope="col" className={th}>
                    {t("evidence.columns.office_code")}
                  </th>
                  <th scope="col" className={th}>
                    {t("evidence.columns.assessing_officer_id")}
                  </th>
                  <th scope="col" className={th}>
                    {t("evidence.columns.broker_id")}
                  </th>
                  <th scope="col" className={th}>
                    {t("evidence.columns.reg_ts")}
                  </th>
                  <th scope="col" className={th}>
                    {t("evidence.columns.lanes")}
                  </th>
                  <th scope="col" className={th}>
                    {t("evidence.columns.status")}
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    {t("evidence.columns.value_initial")}
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    {t("evidence.columns.taxes_initial")}
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    {t("evidence.columns.taxes_final")}
                  </th>
                  <th scope="col" className={th}>
                    {t("evidence.columns.goods")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((r, i) => {
                  const goods = snapshot.goods[text(r.decl_id)];
                  return (
                    <tr key={`${text(r.decl_id)}-${text(r.item_no)}-${i}`} data-decl={text(r.decl_id)}>
                      <td className={`${td} font-medium`}>{text(r.decl_id)}</td>
                      {itemLevel ? <td className={td}>{text(r.item_no)}</td> : null}
                      <td className={td}>{text(r.office_code)}</td>
                      <td className={td}>{text(r.assessing_officer_id)}</td>
                      <td className={td}>{text(r.broker_id)}</td>
                      <td className={td}>
                        {r.reg_ts
                          ? format.dateTime(new Date(text(r.reg_ts)), {
                              dateStyle: "medium",
                              timeStyle: "short",
                              timeZone: "UTC",
                            })
                          : ""}
                      </td>
                      <td className={td}>
                        {text(r.lane_initial)} → {text(r.lane_final)}
                      </td>
                      <td className={td}>{status(r.status)}</td>
                      <td className={`${td} text-right tabular-nums`}>{money(r.value_initial)}</td>
                      <td className={`${td} text-right tabular-nums`}>{money(r.taxes_initial)}</td>
                      <td className={`${td} text-right tabular-nums`}>{money(r.taxes_final)}</td>
                      <td className={td}>{goods ? `${goods.hsCode} · ${goods.originCountry}` : ""}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : null}
      </div>
    </article>
  );
}
