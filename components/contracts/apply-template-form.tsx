"use client";
// "Apply a template to a unit": one draft per officer of the unit. The outcome lists the drafts created (with
// links) and the officers skipped, with the reason for each.
import { useState, useTransition } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { CONTRACT_TEMPLATES, contractTemplate } from "@/lib/contracts/templates";
import type { FormResult } from "@/lib/kernel/form-result";
import type { UnitContractsOutcome } from "@/lib/contracts/create-unit-contracts";
import type { OfficeUnits, PrincipalChoice } from "@/lib/contracts/party-options";
import { Field, inputClasses } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

import { periodEnd } from "@/lib/contracts/contract-periods";
import { useContractTexts } from "@/components/contracts/form-texts";
import { FormMessage, fieldErrorOf } from "@/components/forms/form-message";
import { IndicatorRows } from "@/components/contracts/indicator-rows";
import { rowsFromTerms, termsFromRows, type IndicatorRowState } from "@/components/contracts/indicator-terms";
import { BaselinePanel } from "@/components/contracts/baseline-panel";
import { useCalibration, type LoadBaselines } from "@/components/contracts/use-calibration";
import type { ContractTemplate } from "@/lib/contracts/templates";

const templateRows = (template: ContractTemplate | undefined): IndicatorRowState[] =>
  rowsFromTerms(template?.indicators ?? []);

export function ApplyTemplateForm({
  offices,
  principals,
  self,
  defaultFrom,
  apply,
  loadBaselines,
}: {
  offices: OfficeUnits[];
  principals: PrincipalChoice[];
  self: { id: string; name: string };
  defaultFrom: string;
  apply: (payload: unknown) => Promise<{ result: FormResult; outcome: UnitContractsOutcome | null }>;
  loadBaselines: LoadBaselines;
}) {
  const t = useTranslations("contracts");
  const tErrors = useTranslations("contracts.errors");
  const [result, setResult] = useState<FormResult>({ status: "idle" });
  const [outcome, setOutcome] = useState<UnitContractsOutcome | null>(null);
  const [pending, startTransition] = useTransition();
  const [templateKey, setTemplateKey] = useState(CONTRACT_TEMPLATES[0]!.key);
  const [officeCode, setOfficeCode] = useState(offices.length === 1 ? offices[0]!.officeCode : "");
  const [unit, setUnit] = useState("");
  const [title, setTitle] = useState("");
  const [periodFrom, setPeriodFrom] = useState(defaultFrom);
  const [periodTo, setPeriodTo] = useState(periodEnd(defaultFrom, CONTRACT_TEMPLATES[0]!.months));
  const [principalId, setPrincipalId] = useState(self.id);
  const texts = useContractTexts();
  const errors = fieldErrorOf(result, texts);
  // The service names a unit "partyUnit" when it checks it as a party.
  const errorFor = (field: string) => errors(field) ?? (field === "unit" ? errors("partyUnit") : undefined);
  const units = offices.find((o) => o.officeCode === officeCode)?.units ?? [];
  const [rows, setRows] = useState<IndicatorRowState[]>(templateRows(CONTRACT_TEMPLATES[0]));
  const calibration = useCalibration(rows, setRows, loadBaselines, true);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      const answer = await apply({
        templateKey,
        officeCode,
        unit,
        title,
        periodFrom,
        periodTo,
        principalId: principalId || null,
        // Each officer of the unit gets a contract of their own: O/E is offered.
        indicators: termsFromRows(rows, true),
      });
      setResult(answer.result);
      setOutcome(answer.outcome);
    });
  }

  return (
    <div className="space-y-6">
      <form
        onSubmit={submit}
        noValidate
        className="space-y-5 rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
        aria-busy={pending}
      >
        {result.status === "error" ? <FormMessage result={result} texts={texts} /> : null}
        <Field
          id="apply-template"
          label={t("templates.label")}
          hint={`${t(`templates.${templateKey}.description`)} ${t("templates.startingPoint")}`}
          error={errorFor("templateKey")}
        >
          <select
            value={templateKey}
            onChange={(e) => {
              setTemplateKey(e.target.value);
              const template = contractTemplate(e.target.value);
              setRows(templateRows(template));
              if (template && periodFrom) setPeriodTo(periodEnd(periodFrom, template.months));
            }}
            className={inputClasses}
          >
            {CONTRACT_TEMPLATES.map((tpl) => (
              <option key={tpl.key} value={tpl.key}>
                {t(`templates.${tpl.key}.name`)}
              </option>
            ))}
          </select>
        </Field>
        <div className="grid grid-cols-1 gap-5 sm:grid-cols-2">
          <Field id="apply-office" label={t("form.office")} error={errorFor("officeCode")}>
            <select
              value={officeCode}
              onChange={(e) => {
                setOfficeCode(e.target.value);
                setUnit("");
              }}
              className={inputClasses}
            >
              <option value="">{t("form.chooseOffice")}</option>
              {offices.map((o) => (
                <option key={o.officeCode} value={o.officeCode}>
                  {o.officeCode} · {o.name}
                </option>
              ))}
            </select>
          </Field>
          <Field id="apply-unit" label={t("form.unit")} error={errorFor("unit")}>
            <select
              value={unit}
              onChange={(e) => setUnit(e.target.value)}
              className={inputClasses}
              disabled={!officeCode}
            >
              <option value="">{t("form.chooseUnit")}</option>
              {units.map((u) => (
                <option key={u.unit} value={u.unit}>
                  {t("form.unitOption", { unit: u.unit, count: u.officers })}
                </option>
              ))}
            </select>
          </Field>
          <div className="sm:col-span-2">
            <Field id="apply-title" label={t("form.title")} error={errorFor("title")}>
              <input
                value={title}
                onChange={(e) => setTitle(e.target.value)}
                placeholder={t("form.titlePlaceholder")}
                className={inputClasses}
              />
            </Field>
          </div>
          <Field id="apply-from" label={t("form.periodFrom")} error={errorFor("periodFrom")}>
            <input
              type="date"
              value={periodFrom}
              onChange={(e) => {
                setPeriodFrom(e.target.value);
                const template = contractTemplate(templateKey);
                if (template && e.target.value) setPeriodTo(periodEnd(e.target.value, template.months));
              }}
              className={inputClasses}
            />
          </Field>
          <Field id="apply-to" label={t("form.periodTo")} error={errorFor("periodTo")}>
            <input
              type="date"
              value={periodTo}
              onChange={(e) => setPeriodTo(e.target.value)}
              className={inputClasses}
            />
          </Field>
          <Field
            id="apply-principal"
            label={t("form.principal")}
            hint={t("form.principalHint")}
            error={errorFor("principalId")}
          >
            <select value={principalId} onChange={(e) => setPrincipalId(e.target.value)} className={inputClasses}>
              <option value={self.id}>{t("form.principalSelf", { name: self.name })}</option>
              {principals
                .filter(
                  (p) => p.id !== self.id && (p.officeCode === null || !officeCode || p.officeCode === officeCode),
                )
                .map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name} · {p.email}
                  </option>
                ))}
            </select>
          </Field>
        </div>
        <section className="space-y-3" aria-labelledby="apply-indicators">
          <h2 id="apply-indicators" className="text-base font-semibold text-slate-900">
            {t("form.sections.indicators")}
          </h2>
          <p className="text-sm text-slate-600">{t("calibration.unitHint")}</p>
          {calibration.result.status === "error" ? <FormMessage result={calibration.result} texts={texts} /> : null}
          <BaselinePanel
            baselines={calibration.baselines}
            preview={calibration.preview}
            loading={calibration.loading}
            canLoad={!!officeCode && !!unit && !!periodFrom}
            perOfficer
            onPropose={calibration.propose}
            onLoad={() =>
              calibration.loadFor({
                partyType: "UNIT_TEMPLATE",
                officeCode,
                partyOfficerId: null,
                partyUnit: unit,
                periodFrom,
              })
            }
          />
          <IndicatorRows
            rows={rows}
            onChange={setRows}
            errorFor={errorFor}
            officerParty
            calibration={calibration.baselines ? { baselines: calibration.baselines, own: null } : null}
          />
        </section>
        <SubmitButton pending={pending} pendingLabel={t("apply.submitting")}>
          {t("apply.submit")}
        </SubmitButton>
      </form>

      {outcome ? (
        <section
          aria-live="polite"
          className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
          data-testid="apply-outcome"
        >
          <p className="font-semibold text-slate-900">{t("apply.result", { count: outcome.created.length })}</p>
          {outcome.created.length ? (
            <ul className="divide-y divide-slate-100 text-sm" aria-label={t("apply.createdCaption")}>
              {outcome.created.map((c) => (
                <li key={c.id} className="flex items-center justify-between gap-3 py-2">
                  <span>
                    {c.fullName} · {c.officerId} · {t("contractNo", { contractNo: c.contractNo })}
                  </span>
                  <Link href={`/contracts/${c.id}`} className="font-medium text-brand-700 hover:underline">
                    {t("apply.open")}
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}
          {outcome.skipped.length ? (
            <div className="text-sm">
              <p className="font-semibold text-slate-900">{t("apply.skippedCaption")}</p>
              <p className="text-slate-600">{t("apply.skippedIntro")}</p>
              <ul className="mt-2 list-disc space-y-1 pl-5 text-slate-800">
                {outcome.skipped.map((s) => (
                  <li key={s.officerId}>
                    <span className="font-medium">
                      {s.fullName} ({s.officerId})
                    </span>{" "}
                    — {tErrors.has(s.reason) ? tErrors(s.reason, s.values) : s.reason}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
