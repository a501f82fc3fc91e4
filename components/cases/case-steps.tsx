// The forms of the steps this user may take now (case-rules.availableOperations, the table the services refuse
// with): assign, record the finding, record an action, close (or why they may not: four eyes), reopen.
import { getTranslations } from "next-intl/server";
import { moneyHeader } from "@/components/format/kpi-format";
import type { CaseDetail } from "@/lib/cases/get-case-detail";
import { CASE_ACTION_TYPES, CASE_FINDINGS, OFFENCE_CODES } from "@/lib/cases/case-rules";
import type { FormAction } from "@/components/forms/use-form-action";
import { inputClasses } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { CaseForm } from "@/components/cases/case-form";
import { isoDate } from "@/lib/kernel/calendar";

export type CaseStepActions = {
  assign: FormAction;
  recordFinding: FormAction;
  addAction: FormAction;
  close: FormAction;
  reopen: FormAction;
};

const label = "text-sm font-medium text-slate-800";
const hint = "text-xs text-slate-600";

function Control({ id, text, help, children }: { id: string; text: string; help?: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className={label}>
        {text}
      </label>
      {children}
      {help ? (
        <p id={`${id}-hint`} className={hint}>
          {help}
        </p>
      ) : null}
    </div>
  );
}

export async function CaseSteps({
  detail,
  assignees,
  today,
  actions,
}: {
  detail: CaseDetail;
  assignees: { id: string; name: string; officeCode: string | null }[];
  today: string;
  actions: CaseStepActions;
}) {
  const [t, tm] = await Promise.all([getTranslations("cases"), getTranslations("contracts")]);
  const c = detail.case;
  const can = (operation: CaseDetail["operations"][number]) => detail.operations.includes(operation);
  const forms: React.ReactNode[] = [];
  // What every step's form has: the case, its title, its buttons' words and its test id.
  const texts = (step: "assign" | "finding" | "action" | "close" | "reopen") => ({
    caseId: c.id,
    title: t(`${step}Form.title`),
    submitLabel: t(`${step}Form.submit`),
    pendingLabel: t(`${step}Form.submitting`),
    testId: `${step}-form`,
  });

  if (can("assign")) {
    const title = c.assigneeId ? t("assignForm.retitle") : t("assignForm.title");
    forms.push(
      assignees.length ? (
        <CaseForm key="assign" action={actions.assign} {...texts("assign")} title={title}>
          <div className="grid gap-4 sm:grid-cols-2">
            <Control id="assign-assignee" text={t("assignForm.assignee")}>
              <select id="assign-assignee" name="assigneeId" defaultValue={c.assigneeId ?? ""} className={inputClasses}>
                <option value="">{t("assignForm.choose")}</option>
                {assignees.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                    {a.officeCode ? ` (${a.officeCode})` : ""}
                  </option>
                ))}
              </select>
            </Control>
            <Control id="assign-due" text={t("assignForm.dueDate")} help={t("assignForm.dueDateHint")}>
              <input
                id="assign-due"
                type="date"
                name="dueDate"
                min={today}
                defaultValue={c.dueDate ? isoDate(c.dueDate) : ""}
                aria-describedby="assign-due-hint"
                className={inputClasses}
              />
            </Control>
          </div>
        </CaseForm>
      ) : (
        <Notice key="assign" tone="info">
          {t("assignForm.noCandidates")}
        </Notice>
      ),
    );
  }

  if (can("recordFinding")) {
    forms.push(
      <CaseForm key="finding" action={actions.recordFinding} {...texts("finding")}>
        <fieldset className="flex flex-col gap-2">
          <legend className={`${label} mb-1`}>{t("findingForm.finding")}</legend>
          <div className="flex flex-wrap gap-x-6 gap-y-2">
            {CASE_FINDINGS.map((f) => (
              <label key={f} className="inline-flex items-center gap-2 text-sm text-slate-800">
                <input type="radio" name="finding" value={f} className="h-4 w-4 text-brand-600 focus:ring-brand-600" />
                {t(`finding.${f}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="grid gap-4 sm:grid-cols-2">
          <Control id="finding-offence" text={t("findingForm.offence")} help={t("findingForm.offenceHint")}>
            <select
              id="finding-offence"
              name="offenceCode"
              defaultValue=""
              aria-describedby="finding-offence-hint"
              className={inputClasses}
            >
              <option value="">{t("findingForm.choose")}</option>
              {OFFENCE_CODES.map((o) => (
                <option key={o} value={o}>
                  {t(`offence.${o}`)}
                </option>
              ))}
            </select>
          </Control>
          <Control id="finding-decls" text={t("findingForm.confirmedDeclIds")} help={t("findingForm.confirmedHint")}>
            <input
              id="finding-decls"
              name="confirmedDeclIds"
              type="text"
              autoComplete="off"
              aria-describedby="finding-decls-hint"
              className={inputClasses}
            />
          </Control>
        </div>
        <Control
          id="finding-unfounded"
          text={t("findingForm.unfoundedFlagIds")}
          help={t("findingForm.unfoundedHint", { flags: detail.flags.map((f) => `#${f.flagId}`).join(", ") })}
        >
          <input
            id="finding-unfounded"
            name="unfoundedFlagIds"
            type="text"
            autoComplete="off"
            aria-describedby="finding-unfounded-hint"
            className={inputClasses}
          />
        </Control>
        <Control id="finding-summary" text={t("findingForm.summary")} help={t("findingForm.summaryHint")}>
          <textarea
            id="finding-summary"
            name="summary"
            rows={3}
            aria-describedby="finding-summary-hint"
            className={inputClasses}
          />
        </Control>
      </CaseForm>,
    );
  }

  if (can("addAction")) {
    const types = c.finding === "CONFIRMED" ? CASE_ACTION_TYPES : (["TRAINING"] as const);
    forms.push(
      <CaseForm key="action" action={actions.addAction} {...texts("action")} variant="secondary">
        {c.finding !== "CONFIRMED" ? <p className={hint}>{t("actionForm.onlyTraining")}</p> : null}
        <div className="grid gap-4 sm:grid-cols-3">
          <Control id="action-type" text={t("actionForm.type")}>
            <select id="action-type" name="type" defaultValue="" className={inputClasses}>
              <option value="">{t("actionForm.choose")}</option>
              {types.map((a) => (
                <option key={a} value={a}>
                  {t(`actionType.${a}`)}
                </option>
              ))}
            </select>
          </Control>
          <Control id="action-amount" text={moneyHeader(tm, t("actionForm.amount"))} help={t("actionForm.amountHint")}>
            <input
              id="action-amount"
              name="amount"
              type="text"
              inputMode="decimal"
              autoComplete="off"
              aria-describedby="action-amount-hint"
              className={inputClasses}
            />
          </Control>
          <Control id="action-decl" text={t("actionForm.declId")} help={t("actionForm.declIdHint")}>
            <select
              id="action-decl"
              name="declId"
              defaultValue=""
              aria-describedby="action-decl-hint"
              className={inputClasses}
            >
              <option value="">—</option>
              {detail.confirmedDeclIds.slice(0, 500).map((id) => (
                <option key={id} value={id}>
                  {id}
                </option>
              ))}
            </select>
          </Control>
        </div>
        <Control id="action-note" text={t("actionForm.note")}>
          <input id="action-note" name="note" type="text" autoComplete="off" className={inputClasses} />
        </Control>
      </CaseForm>,
    );
  }

  if (c.status === "FINDING_RECORDED") {
    if (can("close")) {
      forms.push(
        <CaseForm key="close" action={actions.close} {...texts("close")}>
          <p className={hint}>{t("closeForm.body")}</p>
          <Control id="close-note" text={t("closeForm.note")} help={t("closeForm.noteHint")}>
            <textarea
              id="close-note"
              name="note"
              rows={2}
              aria-describedby="close-note-hint"
              className={inputClasses}
            />
          </Control>
        </CaseForm>,
      );
    } else if (detail.closeRefusal?.key === "fourEyesFinding" || detail.closeRefusal?.key === "fourEyesAssignee") {
      forms.push(
        <div key="close" data-testid="four-eyes-note">
          <Notice tone="info">{t(`closeForm.${detail.closeRefusal.key}`)}</Notice>
        </div>,
      );
    }
  }

  if (can("reopen")) {
    forms.push(
      <CaseForm key="reopen" action={actions.reopen} {...texts("reopen")} variant="danger">
        <p className={hint}>{t("reopenForm.body")}</p>
        <Control id="reopen-reason" text={t("reopenForm.reason")} help={t("reopenForm.reasonHint")}>
          <textarea
            id="reopen-reason"
            name="reason"
            rows={2}
            aria-describedby="reopen-reason-hint"
            className={inputClasses}
          />
        </Control>
      </CaseForm>,
    );
  }

  return forms.length ? (
    <div className="flex flex-col gap-4">{forms}</div>
  ) : (
    <p className="text-sm text-slate-600">{t("detail.nothingToDo")}</p>
  );
}
