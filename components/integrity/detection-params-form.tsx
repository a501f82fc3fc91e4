"use client";
// The detection parameters (docs/indicators.md "Flags"), one group per method: the value in force in the field, the
// spec's default beside it. Read-only for office analysts (see lib/integrity/settings-access.ts).
import { useFormatter, useTranslations } from "next-intl";
import type { DetectionParams } from "@/lib/integrity/detection-params";
import type { FormResult } from "@/lib/kernel/form-result";
import { useFormAction } from "@/components/forms/use-form-action";
import { inputClasses } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { TriageMessage } from "@/components/integrity/flag-triage-form";

type Action = (previous: FormResult, formData: FormData) => Promise<FormResult>;

const KPI_CHOICES: Record<string, readonly string[]> = {
  rateOutlier: ["I1", "I2", "I4", "I7", "I8", "I9", "I12", "P11"],
  valueOutlier: ["P4", "P8", "I5"],
};

export function DetectionParamsForm({
  current,
  defaults,
  editable,
  action,
  kpiNames,
}: {
  current: DetectionParams;
  defaults: DetectionParams;
  editable: boolean;
  action: Action;
  kpiNames: Record<string, string>;
}) {
  const t = useTranslations("integrity");
  const format = useFormatter();
  // Numbers in the user's language ("3,5" in French); the server reads a decimal comma too (params-form.ts).
  const shown = (v: unknown) =>
    typeof v === "number" ? format.number(v, { maximumFractionDigits: 6, useGrouping: false }) : String(v);
  const { result, pending, formProps } = useFormAction(action);
  const fieldError = (path: string) =>
    result.status === "error" && result.fieldErrors[path] ? t("errors.invalidValue") : undefined;
  // After a save the page re-renders with the new values; keying the fields on them refreshes their defaults.
  const stamp = JSON.stringify(current);
  return (
    <form {...formProps} aria-label={t("settings.formLabel")} className="space-y-6" data-testid="detection-params-form">
      <TriageMessage result={result} />
      <fieldset disabled={!editable} className="space-y-6">
        {(Object.keys(defaults) as (keyof DetectionParams)[]).map((group) => {
          const values = current[group] as Record<string, unknown>;
          const defaultValues = defaults[group] as Record<string, unknown>;
          return (
            <section
              key={group}
              className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
              data-group={group}
            >
              <h2 className="text-base font-semibold text-slate-900">{t(`methods.${METHOD_OF[group]}` as never)}</h2>
              <p className="mt-1 text-sm text-slate-600">{t(`methodHints.${METHOD_OF[group]}` as never)}</p>
              <div className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
                {Object.keys(defaultValues).map((key) => {
                  const name = `${group}.${key}`;
                  const label = t(`params.${group}.${key}` as never);
                  const fallback = defaultValues[key];
                  if (Array.isArray(fallback)) {
                    const chosen = (values[key] as string[]) ?? [];
                    return (
                      <fieldset key={key} className="sm:col-span-2 lg:col-span-3">
                        <legend className="text-sm font-medium text-slate-800">{label}</legend>
                        <div className="mt-2 flex flex-wrap gap-x-5 gap-y-2">
                          {KPI_CHOICES[group]!.map((k) => (
                            <label
                              key={`${stamp}-${k}`}
                              className="inline-flex items-center gap-2 text-sm text-slate-800"
                            >
                              <input
                                type="checkbox"
                                name={name}
                                value={k}
                                defaultChecked={chosen.includes(k)}
                                className="h-4 w-4 rounded border-slate-300 text-brand-600"
                              />
                              <span>
                                {k} · {kpiNames[k]}
                              </span>
                            </label>
                          ))}
                        </div>
                        <p className="mt-1 text-xs text-slate-500">
                          {t("settings.default", { value: (fallback as string[]).join(", ") })}
                        </p>
                      </fieldset>
                    );
                  }
                  const error = fieldError(name);
                  const id = `param-${group}-${key}`;
                  return (
                    <div key={key} className="flex flex-col gap-1.5">
                      <label htmlFor={id} className="text-sm font-medium text-slate-800">
                        {label}
                      </label>
                      <input
                        key={stamp}
                        id={id}
                        name={name}
                        type="text"
                        inputMode="decimal"
                        defaultValue={shown(values[key])}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
                        className={inputClasses}
                        autoComplete="off"
                      />
                      <p id={`${id}-hint`} className="text-xs text-slate-500">
                        {t("settings.default", { value: shown(fallback) })}
                      </p>
                      {error ? (
                        <p id={`${id}-error`} className="text-xs font-medium text-red-700">
                          {error}
                        </p>
                      ) : null}
                    </div>
                  );
                })}
              </div>
            </section>
          );
        })}
      </fieldset>
      {editable ? (
        <SubmitButton pending={pending} pendingLabel={t("settings.saving")}>
          {t("settings.save")}
        </SubmitButton>
      ) : null}
    </form>
  );
}

const METHOD_OF: Record<keyof DetectionParams, string> = {
  rateOutlier: "RATE_OUTLIER",
  valueOutlier: "VALUE_OUTLIER",
  brokerOfficerPair: "BROKER_OFFICER_PAIR",
  benford: "BENFORD",
  unitValue: "UNIT_VALUE",
};
