"use client";
// The indicator rows of the contract form: KPI, threshold, target, weight and minimum volume, with the live total
// of the weights. Rates are typed in % (converted by the form on submit). For a rate that has an observed/expected
// on an officer's contract, the row also says what it is scored on; on O/E, threshold and target are typed as
// ratios and the calibration beside it reads the group's O/E.
import { useTranslations } from "next-intl";
import { CONTRACT_KPIS, MAX_INDICATORS } from "@/lib/contracts/schema";
import { inputClasses } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { formatKpiValue, formatRatio, kpiUnit } from "@/components/format/kpi-format";
import { useFormatter } from "next-intl";
import type { ContractBaselines } from "@/lib/contracts/contract-baselines";
import type { KpiValue, OeValue } from "@/lib/contracts/build-scorecard";
import { StripPlot } from "@/components/contracts/strip-plot";
import { fromDisplay } from "@/components/format/kpi-format";
import { parseTypedNumber } from "@/lib/contracts/typed-number";
import { TableHead } from "@/components/ui/table-frame";
import { effectiveBasis, oeOffered, type IndicatorRowState } from "@/components/contracts/indicator-terms";
import { SCORING_BASES, type ScoringBasis } from "@/lib/contracts/scoring";

export type { IndicatorRowState };

type Own = { values: Record<string, KpiValue>; oe?: Record<string, OeValue> };

const cell = "px-2 py-2 align-top";
const small = `${inputClasses} min-w-20 text-right tabular-nums`;

export function IndicatorRows({
  rows,
  onChange,
  errorFor,
  calibration = null,
  officerParty,
}: {
  rows: IndicatorRowState[];
  onChange: (rows: IndicatorRowState[]) => void;
  errorFor: (field: string) => string | undefined;
  // The baselines beside each KPI, with the party's own values (null for a unit's officers).
  calibration?: { baselines: ContractBaselines; own: Own | null } | null;
  // Whether the contract (or each contract a template makes) is one officer's: only then is O/E offered.
  officerParty: boolean;
}) {
  const t = useTranslations("contracts");
  const format = useFormatter();
  const show = (kpiId: string, v: number | null) => formatKpiValue(format, (key, values) => t(key, values), kpiId, v);
  const total = rows.reduce(
    (sum, r) => sum + (Number.isFinite(parseTypedNumber(r.weight)) ? parseTypedNumber(r.weight) : 0),
    0,
  );
  const totalOk = Math.abs(total - 100) < 1e-6;
  const update = (key: number, patch: Partial<IndicatorRowState>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const nextKey = rows.reduce((max, r) => Math.max(max, r.key), 0) + 1;
  const offered = (row: IndicatorRowState) => oeOffered(row.kpiId, officerParty);
  const unitHint = (kpiId: string, basis: ScoringBasis = "RAW") =>
    !kpiId
      ? ""
      : basis === "OE"
        ? t("form.ratioUnit")
        : kpiUnit(kpiId) === "share"
          ? "%"
          : kpiUnit(kpiId) === "amount"
            ? t("currency")
            : t(`unit.${kpiUnit(kpiId)}`);
  const listError = errorFor("indicators");

  return (
    <div className="space-y-3">
      <div className="overflow-x-auto rounded-lg border border-slate-200">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">{t("detail.indicatorsCaption")}</caption>
          <TableHead>
            <th scope="col" className="px-2 py-2">
              {t("form.columns.kpi")}
            </th>
            <th scope="col" className="px-2 py-2">
              {t("form.columns.threshold")}
            </th>
            <th scope="col" className="px-2 py-2">
              {t("form.columns.target")}
            </th>
            <th scope="col" className="px-2 py-2">
              {t("form.columns.weight")}
            </th>
            <th scope="col" className="px-2 py-2">
              <abbr title={t("form.minVolumeHint")}>{t("form.columns.minVolume")}</abbr>
            </th>
            <th scope="col" className="px-2 py-2">
              <span className="sr-only">{t("form.columns.remove")}</span>
            </th>
          </TableHead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row, index) => {
              const err = (f: string) => errorFor(`indicators.${index}.${f}`);
              const basis = effectiveBasis(row, officerParty);
              const direction = CONTRACT_KPIS.find((k) => k.id === row.kpiId)?.direction;
              const numberCell = (
                field: "threshold" | "target" | "weight" | "minVolume",
                label: string,
                suffix?: string,
              ) => (
                <td className={cell}>
                  <div className="flex items-center gap-1">
                    <input
                      aria-label={`${label} — ${row.kpiId || index + 1}`}
                      inputMode="decimal"
                      value={row[field]}
                      onChange={(e) => update(row.key, { [field]: e.target.value })}
                      aria-invalid={err(field) ? true : undefined}
                      className={small}
                      name={`indicators.${index}.${field}`}
                    />
                    {suffix ? <span className="text-xs text-slate-500">{suffix}</span> : null}
                  </div>
                  {err(field) ? <p className="mt-1 max-w-48 text-xs font-medium text-red-700">{err(field)}</p> : null}
                </td>
              );
              return (
                <tr key={row.key} data-row={index}>
                  <td className={`${cell} min-w-64`}>
                    <select
                      aria-label={`${t("form.columns.kpi")} ${index + 1}`}
                      value={row.kpiId}
                      onChange={(e) => update(row.key, { kpiId: e.target.value })}
                      aria-invalid={err("kpiId") ? true : undefined}
                      className={inputClasses}
                      name={`indicators.${index}.kpiId`}
                    >
                      <option value="" disabled>
                        {t("form.chooseKpi")}
                      </option>
                      {CONTRACT_KPIS.map((k) => (
                        <option key={k.id} value={k.id}>
                          {k.id} — {t(`kpis.${k.id}.name`)}
                        </option>
                      ))}
                    </select>
                    {direction ? (
                      <p className="mt-1 text-xs text-slate-500">
                        {t(`direction.${direction === "lower" ? "lower" : "higher"}`)}
                      </p>
                    ) : null}
                    {err("kpiId") ? <p className="mt-1 text-xs font-medium text-red-700">{err("kpiId")}</p> : null}
                    {offered(row) ? (
                      <div className="mt-2">
                        <label className="block text-xs font-medium text-slate-700" htmlFor={`basis-${row.key}`}>
                          <abbr title={t("form.basisHint")}>{t("form.basisLabel")}</abbr>
                        </label>
                        <select
                          id={`basis-${row.key}`}
                          value={basis}
                          // The typed terms meant a rate or a ratio: switching clears them rather than reread them.
                          onChange={(e) =>
                            update(row.key, { basis: e.target.value as ScoringBasis, threshold: "", target: "" })
                          }
                          aria-invalid={err("basis") ? true : undefined}
                          className={`${inputClasses} mt-1`}
                          name={`indicators.${index}.basis`}
                        >
                          {SCORING_BASES.map((b) => (
                            <option key={b} value={b}>
                              {t(`form.basis${b}`)}
                            </option>
                          ))}
                        </select>
                      </div>
                    ) : null}
                    {err("basis") ? <p className="mt-1 text-xs font-medium text-red-700">{err("basis")}</p> : null}
                    {calibration && row.kpiId ? (
                      <Calibration
                        kpiId={row.kpiId}
                        basis={basis}
                        calibration={calibration}
                        show={show}
                        threshold={fromDisplay(row.kpiId, parseTypedNumber(row.threshold), basis)}
                        target={fromDisplay(row.kpiId, parseTypedNumber(row.target), basis)}
                      />
                    ) : null}
                  </td>
                  {numberCell("threshold", t("form.columns.threshold"), unitHint(row.kpiId, basis))}
                  {numberCell("target", t("form.columns.target"), unitHint(row.kpiId, basis))}
                  {numberCell("weight", t("form.columns.weight"), "%")}
                  {numberCell("minVolume", t("form.columns.minVolume"))}
                  <td className={cell}>
                    <Button
                      variant="ghost"
                      className="px-2 py-1 text-xs"
                      aria-label={t("form.removeIndicator", { kpi: row.kpiId || String(index + 1) })}
                      onClick={() => onChange(rows.filter((r) => r.key !== row.key))}
                    >
                      {t("form.columns.remove")}
                    </Button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <Button
          variant="secondary"
          disabled={rows.length >= MAX_INDICATORS}
          onClick={() =>
            onChange([
              ...rows,
              { key: nextKey, kpiId: "", basis: "RAW", threshold: "", target: "", weight: "", minVolume: "30" },
            ])
          }
        >
          {t("form.addIndicator")}
        </Button>
        <p
          role="status"
          data-testid="weight-total"
          className={`rounded-md px-3 py-1.5 text-sm font-medium ${totalOk ? "bg-emerald-50 text-emerald-900" : "bg-amber-50 text-amber-900"}`}
        >
          {totalOk ? t("form.weightTotalOk") : t("form.weightTotalOff", { total: Math.round(total * 100) / 100 })}
        </p>
      </div>
      {listError ? <p className="text-sm font-medium text-red-700">{listError}</p> : null}
    </div>
  );
}

function Calibration({
  kpiId,
  basis,
  calibration,
  show,
  threshold,
  target,
}: {
  kpiId: string;
  basis: ScoringBasis;
  calibration: { baselines: ContractBaselines; own: Own | null };
  show: (kpiId: string, v: number | null) => string;
  threshold: number;
  target: number;
}) {
  const t = useTranslations("contracts.calibration");
  const format = useFormatter();
  const baseline = calibration.baselines.indicators.find((i) => i.kpiId === kpiId);
  if (!baseline) return null;
  if (basis === "OE" && baseline.oe) {
    // The officer's O/E over the reference period and the group's, on the ratios the terms are typed in.
    const own = calibration.own?.oe?.[kpiId];
    const ratio = (v: number | null) => formatRatio(format, v);
    const spread = baseline.oe.spread;
    return (
      <div className="mt-2 space-y-0.5 text-xs text-slate-700" data-testid={`baseline-oe-${kpiId}`}>
        {calibration.own ? (
          <p>
            {own && own.ratio !== null
              ? t("ownOe", {
                  value: ratio(own.ratio),
                  observed: format.number(own.observed),
                  expected: format.number(own.expected, { maximumFractionDigits: 1 }),
                  lower: ratio(own.lower),
                  upper: ratio(own.upper),
                  n: own.n,
                })
              : t("ownOeNone")}
          </p>
        ) : null}
        <p>
          {spread
            ? t("spreadOe", { q1: ratio(spread.p25), median: ratio(spread.p50), q3: ratio(spread.p75), n: spread.n })
            : t("spreadNone")}
        </p>
        <p className="text-slate-500">{t("ruleOe")}</p>
        <StripPlot
          values={baseline.oe.values}
          spread={spread}
          own={own?.ratio ?? null}
          threshold={Number.isFinite(threshold) ? threshold : null}
          target={Number.isFinite(target) ? target : null}
          label={t("stripLabelOe", { kpi: kpiId })}
        />
      </div>
    );
  }
  const own = calibration.own?.values[kpiId];
  const spread = baseline.spread;
  return (
    <div className="mt-2 space-y-0.5 text-xs text-slate-700" data-testid={`baseline-${kpiId}`}>
      {calibration.own ? (
        <p>
          {own && own.value !== null
            ? t("own", { value: show(kpiId, own.value), n: own.denominator ?? 0 })
            : t("ownNone")}
        </p>
      ) : null}
      <p>
        {spread
          ? t("spread", {
              q1: show(kpiId, spread.p25),
              median: show(kpiId, spread.p50),
              q3: show(kpiId, spread.p75),
              n: spread.n,
            })
          : t("spreadNone")}
      </p>
      <StripPlot
        values={baseline.values}
        spread={spread}
        own={own?.value ?? null}
        threshold={Number.isFinite(threshold) ? threshold : null}
        target={Number.isFinite(target) ? target : null}
        label={t("stripLabel", { kpi: kpiId })}
      />
    </div>
  );
}
