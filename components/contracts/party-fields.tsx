"use client";
// Who the contract is with: an officer found by search, a unit of an office, or a whole office. The office of an
// individual contract is the officer's own.
import { useId } from "react";
import { useTranslations } from "next-intl";
import type { OfficeUnits, OfficerChoice } from "@/lib/contracts/party-options";
import { Field, inputClasses } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { useDebouncedSearch } from "@/components/ui/use-debounced-search";

export type PartyState = {
  partyType: "OFFICER" | "UNIT" | "OFFICE";
  officer: OfficerChoice | null;
  officeCode: string;
  unit: string;
};

function OfficerSearch({
  picked,
  onPick,
  search,
  error,
}: {
  picked: OfficerChoice | null;
  onPick: (o: OfficerChoice | null) => void;
  search: (q: string) => Promise<OfficerChoice[]>;
  error?: string;
}) {
  const t = useTranslations("contracts.form");
  const id = useId();
  const { query, setQuery, results, pending } = useDebouncedSearch<OfficerChoice>(search);

  if (picked) {
    return (
      <div className="flex flex-col gap-1.5">
        <span className="text-sm font-medium text-slate-800">{t("officer")}</span>
        <div
          className="flex items-center justify-between gap-3 rounded-md bg-brand-50 px-3 py-2 ring-1 ring-inset ring-brand-100"
          data-testid="picked-officer"
        >
          <span className="text-sm text-slate-900">
            {t("officerPicked", {
              name: picked.fullName,
              id: picked.officerId,
              office: picked.officeCode,
              unit: picked.unit,
            })}
          </span>
          <Button variant="ghost" className="px-2 py-1 text-xs" onClick={() => onPick(null)}>
            {t("change")}
          </Button>
        </div>
        {error ? <p className="text-xs font-medium text-red-700">{error}</p> : null}
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={`${id}-search`} className="text-sm font-medium text-slate-800">
        {t("officerSearch")}
      </label>
      <input
        id={`${id}-search`}
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder={t("officerPlaceholder")}
        aria-describedby={`${id}-status`}
        aria-invalid={error ? true : undefined}
        className={inputClasses}
        autoComplete="off"
      />
      <p
        id={`${id}-status`}
        className={`text-xs ${error ? "font-medium text-red-700" : "text-slate-600"}`}
        aria-live="polite"
      >
        {error ??
          (pending ? t("searching") : results === null ? t("officerHint") : t("results", { count: results.length }))}
      </p>
      {results && results.length > 0 ? (
        <ul className="max-h-56 divide-y divide-slate-100 overflow-y-auto rounded-md ring-1 ring-inset ring-slate-200">
          {results.map((o) => (
            <li key={o.officerId} className="flex items-center justify-between gap-3 px-3 py-2 text-sm">
              <span>
                <span className="font-medium text-slate-900">{o.fullName}</span>
                <span className="text-slate-600">
                  {" "}
                  · {o.officerId} · {o.officeCode} · {o.unit}
                </span>
              </span>
              <Button
                variant="secondary"
                className="px-2.5 py-1 text-xs"
                onClick={() => {
                  onPick(o);
                  setQuery("");
                }}
              >
                {t("choose")}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function PartyFields({
  value,
  onChange,
  offices,
  search,
  errorFor,
}: {
  value: PartyState;
  onChange: (v: PartyState) => void;
  offices: OfficeUnits[];
  search: (q: string) => Promise<OfficerChoice[]>;
  errorFor: (field: string) => string | undefined;
}) {
  const t = useTranslations("contracts");
  const units = offices.find((o) => o.officeCode === value.officeCode)?.units ?? [];
  return (
    <div className="grid grid-cols-1 gap-5 sm:grid-cols-2">
      <fieldset className="sm:col-span-2">
        <legend className="text-sm font-medium text-slate-800">{t("form.partyType")}</legend>
        <div className="mt-2 flex flex-wrap gap-4">
          {(["OFFICER", "UNIT", "OFFICE"] as const).map((type) => (
            <label key={type} className="flex items-center gap-2 text-sm text-slate-800">
              <input
                type="radio"
                name="partyType"
                value={type}
                checked={value.partyType === type}
                onChange={() => onChange({ ...value, partyType: type })}
                className="h-4 w-4 accent-brand-600"
              />
              {t(`party.type.${type}`)}
            </label>
          ))}
        </div>
        <p className="mt-1 text-xs text-slate-600">{t(`party.subjectExplained.${value.partyType}`)}</p>
      </fieldset>
      {value.partyType === "OFFICER" ? (
        <div className="sm:col-span-2">
          <OfficerSearch
            picked={value.officer}
            onPick={(officer) =>
              onChange({
                ...value,
                officer,
                officeCode: officer?.officeCode ?? value.officeCode,
                unit: officer?.unit ?? value.unit,
              })
            }
            search={search}
            // Without an officer the office is empty too: name what the user has to do, which is pick the officer.
            error={
              errorFor("partyOfficerId") ??
              (errorFor("officeCode") && !value.officer ? t("errors.officerRequired") : errorFor("officeCode"))
            }
          />
        </div>
      ) : (
        <>
          <Field id="contract-office" label={t("form.office")} error={errorFor("officeCode")}>
            <select
              value={value.officeCode}
              onChange={(e) => onChange({ ...value, officeCode: e.target.value, unit: "" })}
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
          {value.partyType === "UNIT" ? (
            <Field id="contract-unit" label={t("form.unit")} error={errorFor("partyUnit")}>
              <select
                value={value.unit}
                onChange={(e) => onChange({ ...value, unit: e.target.value })}
                className={inputClasses}
                disabled={!value.officeCode}
              >
                <option value="">{t("form.chooseUnit")}</option>
                {units.map((u) => (
                  <option key={u.unit} value={u.unit}>
                    {t("form.unitOption", { unit: u.unit, count: u.officers })}
                  </option>
                ))}
              </select>
            </Field>
          ) : null}
        </>
      )}
    </div>
  );
}
