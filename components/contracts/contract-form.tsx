"use client";
// New contract / edit draft: start from a template or blank, choose the party, title, period and principal, and
// set the indicator rows. The server validates everything again and its refusals show next to the fields.
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { CONTRACT_TEMPLATES, contractTemplate } from "@/lib/contracts/templates";
import type { FormResult } from "@/lib/kernel/form-result";
import type { OfficeUnits, OfficerChoice, PrincipalChoice } from "@/lib/contracts/party-options";
import { Field, inputClasses } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/notice";

import { PartyFields, type PartyState } from "@/components/contracts/party-fields";
import { IndicatorRows } from "@/components/contracts/indicator-rows";
import { rowsFromTerms, termsFromRows, type IndicatorRowState } from "@/components/contracts/indicator-terms";
import type { ScoringBasis } from "@/lib/contracts/scoring";
import { periodEnd } from "@/lib/contracts/contract-periods";
import { useContractTexts } from "@/components/contracts/form-texts";
import { FormMessage, fieldErrorOf } from "@/components/forms/form-message";
import { BaselinePanel } from "@/components/contracts/baseline-panel";
import { useCalibration, type LoadBaselines } from "@/components/contracts/use-calibration";

export type ContractFormValues = {
  title: string;
  templateKey: string | null;
  party: PartyState;
  periodFrom: string;
  periodTo: string;
  principalId: string;
  // In stored units (fractions for rates).
  indicators: {
    kpiId: string;
    basis?: ScoringBasis;
    threshold: number;
    target: number;
    weight: number;
    minVolume: number;
  }[];
};

const toRows = (indicators: ContractFormValues["indicators"]): IndicatorRowState[] => rowsFromTerms(indicators);

export function ContractForm({
  contractId,
  initial,
  offices,
  principals,
  self,
  save,
  searchOfficers,
  loadBaselines,
}: {
  contractId: number | null;
  initial: ContractFormValues;
  offices: OfficeUnits[];
  principals: PrincipalChoice[];
  self: { id: string; name: string };
  save: (contractId: number | null, payload: unknown) => Promise<FormResult>;
  searchOfficers: (q: string) => Promise<OfficerChoice[]>;
  loadBaselines: LoadBaselines;
}) {
  const t = useTranslations("contracts");
  const router = useRouter();
  const [result, setResult] = useState<FormResult>({ status: "idle" });
  const [pending, startTransition] = useTransition();
  const [templateKey, setTemplateKey] = useState(initial.templateKey ?? "");
  const [templateApplied, setTemplateApplied] = useState(false);
  const [party, setParty] = useState<PartyState>(initial.party);
  const [title, setTitle] = useState(initial.title);
  const [periodFrom, setPeriodFrom] = useState(initial.periodFrom);
  const [periodTo, setPeriodTo] = useState(initial.periodTo);
  const [principalId, setPrincipalId] = useState(initial.principalId);
  const [rows, setRows] = useState<IndicatorRowState[]>(toRows(initial.indicators));
  const texts = useContractTexts();
  const errorFor = fieldErrorOf(result, texts);
  const calibration = useCalibration(rows, setRows, loadBaselines, party.partyType === "OFFICER");
  const partyChosen =
    !!party.officeCode &&
    (party.partyType === "OFFICER" ? !!party.officer : party.partyType === "UNIT" ? !!party.unit : true);

  function applyTemplate(key: string) {
    setTemplateKey(key);
    const template = contractTemplate(key);
    if (!template) return;
    setRows(toRows(template.indicators.map((i) => ({ ...i, minVolume: i.minVolume ?? 30 }))));
    if (periodFrom) setPeriodTo(periodEnd(periodFrom, template.months));
    setTemplateApplied(true);
  }

  const eligiblePrincipals = principals.filter(
    (p) => p.id !== self.id && (p.officeCode === null || !party.officeCode || p.officeCode === party.officeCode),
  );

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const payload = {
      title,
      partyType: party.partyType,
      partyOfficerId: party.partyType === "OFFICER" ? (party.officer?.officerId ?? null) : null,
      officeCode: party.officeCode,
      partyUnit: party.partyType === "UNIT" ? party.unit || null : null,
      periodFrom,
      periodTo,
      templateKey: templateKey || null,
      principalId: principalId || null,
      indicators: termsFromRows(rows, party.partyType === "OFFICER"),
    };
    startTransition(async () => {
      const outcome = await save(contractId, payload);
      setResult(outcome);
      if (outcome.status === "success" && outcome.redirectTo) router.push(outcome.redirectTo);
    });
  }

  const section = "space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm";
  const heading = "text-base font-semibold text-slate-900";
  return (
    <form onSubmit={submit} noValidate className="space-y-6" aria-busy={pending}>
      <FormMessage result={result} texts={texts} />
      <section className={section} aria-labelledby="form-template">
        <h2 id="form-template" className={heading}>
          {t("form.sections.template")}
        </h2>
        <Field
          id="contract-template"
          label={t("templates.label")}
          hint={templateKey ? t(`templates.${templateKey}.description`) : undefined}
          error={errorFor("templateKey")}
        >
          <select
            value={templateKey}
            onChange={(e) => (e.target.value ? applyTemplate(e.target.value) : setTemplateKey(""))}
            className={inputClasses}
            name="templateKey"
          >
            <option value="">{t("templates.none")}</option>
            {CONTRACT_TEMPLATES.map((tpl) => (
              <option key={tpl.key} value={tpl.key}>
                {t(`templates.${tpl.key}.name`)}
              </option>
            ))}
          </select>
        </Field>
        {templateApplied ? (
          <Notice tone="info">
            {t("form.templateApplied")} {t("templates.startingPoint")}
          </Notice>
        ) : null}
      </section>

      <section className={section} aria-labelledby="form-party">
        <h2 id="form-party" className={heading}>
          {t("form.sections.party")}
        </h2>
        <PartyFields value={party} onChange={setParty} offices={offices} search={searchOfficers} errorFor={errorFor} />
      </section>

      <section className={section} aria-labelledby="form-terms">
        <h2 id="form-terms" className={heading}>
          {t("form.sections.terms")}
        </h2>
        <div className="grid grid-cols-1 gap-5 sm:grid-cols-2">
          <div className="sm:col-span-2">
            <Field id="contract-title" label={t("form.title")} error={errorFor("title")}>
              <input
                name="title"
                value={title}
                onChange={(e) => setTitle(e.target.value)}
                placeholder={t("form.titlePlaceholder")}
                className={inputClasses}
              />
            </Field>
          </div>
          <Field id="contract-from" label={t("form.periodFrom")} error={errorFor("periodFrom")}>
            <input
              type="date"
              name="periodFrom"
              value={periodFrom}
              onChange={(e) => {
                setPeriodFrom(e.target.value);
                const template = contractTemplate(templateKey);
                if (template && e.target.value) setPeriodTo(periodEnd(e.target.value, template.months));
              }}
              className={inputClasses}
            />
          </Field>
          <Field id="contract-to" label={t("form.periodTo")} error={errorFor("periodTo")}>
            <input
              type="date"
              name="periodTo"
              value={periodTo}
              onChange={(e) => setPeriodTo(e.target.value)}
              className={inputClasses}
            />
          </Field>
          <Field
            id="contract-principal"
            label={t("form.principal")}
            hint={t("form.principalHint")}
            error={errorFor("principalId")}
          >
            <select
              name="principalId"
              value={principalId}
              onChange={(e) => setPrincipalId(e.target.value)}
              className={inputClasses}
            >
              <option value={self.id}>{t("form.principalSelf", { name: self.name })}</option>
              {eligiblePrincipals.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} · {p.email}
                </option>
              ))}
            </select>
          </Field>
        </div>
      </section>

      <section className={section} aria-labelledby="form-indicators">
        <h2 id="form-indicators" className={heading}>
          {t("form.sections.indicators")}
        </h2>
        <p className="text-sm text-slate-600">{t("form.indicatorsHint")}</p>
        {calibration.result.status === "error" ? <FormMessage result={calibration.result} texts={texts} /> : null}
        <BaselinePanel
          baselines={calibration.baselines}
          preview={calibration.preview}
          loading={calibration.loading}
          canLoad={partyChosen && !!periodFrom && rows.some((r) => r.kpiId)}
          perOfficer={false}
          onPropose={calibration.propose}
          onLoad={() =>
            calibration.loadFor({
              partyType: party.partyType,
              officeCode: party.officeCode,
              partyOfficerId: party.partyType === "OFFICER" ? (party.officer?.officerId ?? null) : null,
              partyUnit: party.partyType === "UNIT" ? party.unit || null : null,
              periodFrom,
            })
          }
        />
        <IndicatorRows
          rows={rows}
          onChange={setRows}
          errorFor={errorFor}
          officerParty={party.partyType === "OFFICER"}
          calibration={
            calibration.baselines
              ? {
                  baselines: calibration.baselines,
                  own: {
                    values: calibration.baselines.subjects[0]?.values ?? {},
                    oe: calibration.baselines.subjects[0]?.oe,
                  },
                }
              : null
          }
        />
      </section>

      <div className="flex gap-3">
        <SubmitButton pending={pending} pendingLabel={contractId === null ? t("form.creating") : t("form.saving")}>
          {contractId === null ? t("form.create") : t("form.save")}
        </SubmitButton>
      </div>
    </form>
  );
}
