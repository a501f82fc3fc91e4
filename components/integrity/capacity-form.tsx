"use client";
// The unit's capacity, "cases we can open per month", on the work queue: the line under which the queue's rows no
// longer fit. Analysts of the unit and administrators change it; everyone else reads it.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { IDLE, type FormResult } from "@/lib/kernel/form-result";
import { Notice } from "@/components/ui/notice";
import { inputClasses } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

type Action = (previous: FormResult, formData: FormData) => Promise<FormResult>;

export function CapacityForm({ casesPerMonth, action }: { casesPerMonth: number; action: Action }) {
  const t = useTranslations("triage.capacity");
  const [result, dispatch] = useActionState(action, IDLE);
  return (
    <form action={dispatch} className="space-y-2" data-testid="capacity-form" aria-label={t("label")}>
      <div className="flex flex-wrap items-end gap-2">
        <div className="flex flex-col gap-1.5">
          <label htmlFor="capacity-cases" className="text-sm font-medium text-slate-800">
            {t("label")}
          </label>
          <input
            id="capacity-cases"
            name="casesPerMonth"
            type="number"
            min={1}
            max={10000}
            step={1}
            required
            defaultValue={casesPerMonth}
            className={`${inputClasses} w-28`}
          />
        </div>
        <SubmitButton pendingLabel={t("saving")} variant="secondary">
          {t("save")}
        </SubmitButton>
      </div>
      {result.status === "success" ? (
        <Notice tone="success">{t("saved", { casesPerMonth: Number(result.values.casesPerMonth) })}</Notice>
      ) : result.status === "error" ? (
        <Notice tone="error">{t(result.message === "capacityForbidden" ? "forbidden" : "invalid")}</Notice>
      ) : null}
    </form>
  );
}
