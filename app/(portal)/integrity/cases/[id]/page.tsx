// /integrity/cases/:id — one case: its summary, the step this user may take now, its flags with their frozen
// evidence and hash, the investigation notes and attachments, the actions, and the audit timeline of every step.
// A case outside the user's reach is a 404 like one that does not exist.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/guards";
import { env } from "@/lib/env";
import { AppError } from "@/lib/kernel/app-error";
import { isoDate, todayIso } from "@/lib/kernel/calendar";
import { getCaseDetail, type CaseDetail } from "@/lib/cases/get-case-detail";
import { assigneeOptions } from "@/lib/cases/list-cases";
import { PageHeader } from "@/components/ui/page-header";
import { inputClasses } from "@/components/ui/field";
import { formatDay } from "@/components/format/kpi-format";
import { IntegrityNav } from "@/components/integrity/integrity-nav";
import { CaseStatusBadge, FindingBadge, OverdueBadge } from "@/components/cases/case-badges";
import { CaseEvidence } from "@/components/cases/case-evidence";
import { FlagOutcome } from "@/components/cases/flag-outcome";
import { CaseSteps } from "@/components/cases/case-steps";
import { CaseTimeline } from "@/components/cases/case-timeline";
import { CaseForm } from "@/components/cases/case-form";
import { AttachmentUpload } from "@/components/cases/attachment-upload";
import {
  addCaseActionAction,
  addCaseNoteAction,
  assignCaseAction,
  closeCaseAction,
  recordFindingAction,
  reopenCaseAction,
} from "@/app/(portal)/integrity/cases/actions";
import { TableFrame } from "@/components/ui/table-frame";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await getTranslations("cases"))("heading", { id: Number((await params).id) || 0 }) };
}

async function load(id: string, user: Awaited<ReturnType<typeof requireArea>>): Promise<CaseDetail> {
  try {
    return await getCaseDetail(Number(id), user);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

const dt = "text-xs font-semibold uppercase tracking-wide text-slate-500";
const section = "space-y-3";
const h2 = "text-lg font-semibold text-slate-900";
const th = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600";

export default async function CasePage({ params }: Props) {
  const user = await requireArea("integrity");
  const detail = await load((await params).id, user);
  const [t, format, assignees] = await Promise.all([
    getTranslations("cases"),
    getFormatter(),
    detail.operations.includes("assign") ? assigneeOptions(detail.case) : Promise.resolve([]),
  ]);
  const c = detail.case;
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const day = (d: Date) => formatDay(format, isoDate(d));
  const someone = t("detail.someone");
  return (
    <>
      <PageHeader title={t("heading", { id: c.id })} description={c.title}>
        <Link href="/integrity/cases" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
          {t("backToList")}
        </Link>
      </PageHeader>
      <IntegrityNav current="cases" />

      <div className="grid gap-8 lg:grid-cols-3">
        <section
          aria-labelledby="case-summary"
          className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm lg:col-span-1"
          data-testid="case-summary"
        >
          <h2 id="case-summary" className="sr-only">
            {t("detail.summary")}
          </h2>
          <div className="mb-4 flex flex-wrap gap-2">
            <CaseStatusBadge status={c.status} />
            {c.finding ? <FindingBadge finding={c.finding} /> : null}
            {c.overdue ? <OverdueBadge /> : null}
          </div>
          <dl className="space-y-3 text-sm">
            <div>
              <dt className={dt}>{t("detail.office")}</dt>
              <dd className="text-slate-900">{c.officeCode ?? t("detail.allOffices")}</dd>
            </div>
            <div>
              <dt className={dt}>{t("detail.opened")}</dt>
              <dd className="text-slate-900">
                {t("detail.openedBy", { date: when(c.openedAt), name: c.openedByName ?? someone })}
              </dd>
            </div>
            <div>
              <dt className={dt}>{t("detail.assignee")}</dt>
              <dd className="text-slate-900" data-testid="case-assignee">
                {c.assigneeName ?? t("detail.unassigned")}
              </dd>
            </div>
            {c.dueDate ? (
              <div>
                <dt className={dt}>{t("detail.dueDate")}</dt>
                <dd className={c.overdue ? "font-medium text-red-700" : "text-slate-900"}>{day(c.dueDate)}</dd>
              </div>
            ) : null}
            {c.finding && c.findingAt ? (
              <>
                <div>
                  <dt className={dt}>{t("detail.finding")}</dt>
                  <dd className="text-slate-900">
                    {t("detail.findingBy", {
                      finding: t(`finding.${c.finding}`),
                      date: when(c.findingAt),
                      name: c.findingByName ?? someone,
                    })}
                  </dd>
                </div>
                {c.offenceCode ? (
                  <div>
                    <dt className={dt}>{t("detail.offence")}</dt>
                    <dd className="text-slate-900">{t(`offence.${c.offenceCode as "OTHER"}`)}</dd>
                  </div>
                ) : null}
                {c.finding === "CONFIRMED" ? (
                  <div>
                    <dt className={dt}>{t("detail.confirmedDecls")}</dt>
                    <dd className="break-words text-slate-900">
                      {c.confirmedDeclIds.length
                        ? detail.confirmedDeclIds.join(", ")
                        : t("detail.allEvidence", { count: detail.evidenceDeclIds.length })}
                    </dd>
                  </div>
                ) : null}
                <div>
                  <dt className={dt}>{t("detail.findingSummary")}</dt>
                  <dd className="whitespace-pre-line text-slate-900">{c.findingSummary}</dd>
                </div>
              </>
            ) : null}
            {c.closedAt ? (
              <>
                <div>
                  <dt className={dt}>{t("detail.closed")}</dt>
                  <dd className="text-slate-900" data-testid="case-closed-by">
                    {t("detail.closedBy", { date: when(c.closedAt), name: c.closedByName ?? someone })}
                  </dd>
                </div>
                <div>
                  <dt className={dt}>{t("detail.closingNote")}</dt>
                  <dd className="whitespace-pre-line text-slate-900">{c.closingNote}</dd>
                </div>
              </>
            ) : null}
            {c.reopenedCount > 0 ? (
              <div>
                <dt className={dt}>{t("detail.reopened")}</dt>
                <dd className="text-slate-900">{t("detail.reopenedTimes", { count: c.reopenedCount })}</dd>
              </div>
            ) : null}
          </dl>
        </section>

        <section aria-labelledby="case-next" className={`${section} lg:col-span-2`} data-testid="case-next">
          <h2 id="case-next" className={h2}>
            {t("detail.nextStep")}
          </h2>
          <CaseSteps
            detail={detail}
            assignees={assignees}
            today={todayIso()}
            actions={{
              assign: assignCaseAction,
              recordFinding: recordFindingAction,
              addAction: addCaseActionAction,
              close: closeCaseAction,
              reopen: reopenCaseAction,
            }}
          />
        </section>
      </div>

      <div className="mt-10 space-y-10">
        <section aria-labelledby="case-flags" className={section}>
          <h2 id="case-flags" className={h2}>
            {t("detail.flags")}
          </h2>
          <p className="max-w-3xl text-sm text-slate-600">{t("evidence.intro")}</p>
          {detail.flags.map((f) => (
            <div key={f.flagId} className="space-y-2">
              {c.status === "CLOSED" && (c.finding === "CONFIRMED" || c.finding === "UNFOUNDED") ? (
                <FlagOutcome
                  flagId={f.flagId}
                  founded={c.finding === "CONFIRMED" && !c.unfoundedFlagIds.includes(f.flagId)}
                />
              ) : null}
              <CaseEvidence caseId={c.id} item={f} />
            </div>
          ))}
        </section>

        <section aria-labelledby="case-notes" className={section} data-testid="case-notes">
          <h2 id="case-notes" className={h2}>
            {t("detail.notes")}
          </h2>
          {detail.notes.length ? (
            <ol className="space-y-3">
              {detail.notes.map((n) => (
                <li key={n.id} className="rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm">
                  <p className="whitespace-pre-line text-sm text-slate-900">{n.body}</p>
                  <p className="mt-1 text-xs text-slate-500">
                    {t("notes.by", { name: n.authorName ?? someone, date: when(n.createdAt) })}
                  </p>
                </li>
              ))}
            </ol>
          ) : (
            <p className="text-sm text-slate-600">{t("notes.empty")}</p>
          )}
          {detail.operations.includes("note") ? (
            <CaseForm
              action={addCaseNoteAction}
              caseId={c.id}
              title={t("noteForm.title")}
              submitLabel={t("noteForm.submit")}
              pendingLabel={t("noteForm.submitting")}
              variant="secondary"
              testId="note-form"
            >
              <div className="flex flex-col gap-1.5">
                <label htmlFor="note-body" className="text-sm font-medium text-slate-800">
                  {t("noteForm.body")}
                </label>
                <textarea
                  id="note-body"
                  name="body"
                  rows={3}
                  aria-describedby="note-body-hint"
                  className={inputClasses}
                />
                <p id="note-body-hint" className="text-xs text-slate-600">
                  {t("noteForm.bodyHint")}
                </p>
              </div>
            </CaseForm>
          ) : null}
        </section>

        <section aria-labelledby="case-attachments" className={section} data-testid="case-attachments">
          <h2 id="case-attachments" className={h2}>
            {t("detail.attachments")}
          </h2>
          {detail.attachments.length ? (
            <TableFrame caption={t("attachments.caption")}>
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className={th}>
                    {t("attachments.columns.name")}
                  </th>
                  <th scope="col" className={th}>
                    {t("attachments.columns.type")}
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    {t("attachments.columns.size")}
                  </th>
                  <th scope="col" className={th}>
                    {t("attachments.columns.by")}
                  </th>
                  <th scope="col" className={th}>
                    {t("attachments.columns.at")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {detail.attachments.map((a) => (
                  <tr key={a.id}>
                    <td className="px-3 py-2">
                      <a
                        href={`/api/cases/${c.id}/attachments/${a.id}`}
                        className="font-medium text-brand-700 underline-offset-2 hover:underline"
                        download
                      >
                        {a.originalName}
                      </a>
                    </td>
                    <td className="px-3 py-2 uppercase text-slate-700">{a.fileType}</td>
                    <td className="px-3 py-2 text-right tabular-nums text-slate-700">
                      {t("attachments.size", { kb: format.number(Math.max(1, Math.round(a.sizeBytes / 1024))) })}
                    </td>
                    <td className="px-3 py-2 text-slate-700">{a.uploadedByName ?? someone}</td>
                    <td className="whitespace-nowrap px-3 py-2 text-slate-700">{when(a.uploadedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </TableFrame>
          ) : (
            <p className="text-sm text-slate-600">{t("attachments.empty")}</p>
          )}
          {detail.operations.includes("attach") ? (
            <AttachmentUpload caseId={c.id} maxMb={Math.round(env.CASE_ATTACHMENT_MAX_BYTES / 2 ** 20)} />
          ) : null}
        </section>

        <section aria-labelledby="case-actions" className={section} data-testid="case-actions">
          <h2 id="case-actions" className={h2}>
            {t("detail.actions")}
          </h2>
          {detail.actions.length ? (
            <TableFrame caption={t("actions.caption")}>
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className={th}>
                    {t("actions.columns.type")}
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    {t("actions.columns.amount")}
                  </th>
                  <th scope="col" className={th}>
                    {t("actions.columns.declaration")}
                  </th>
                  <th scope="col" className={th}>
                    {t("actions.columns.note")}
                  </th>
                  <th scope="col" className={th}>
                    {t("actions.columns.by")}
                  </th>
                  <th scope="col" className={th}>
                    {t("actions.columns.at")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {detail.actions.map((a) => (
                  <tr key={a.id} data-action-type={a.type}>
                    <td className="px-3 py-2 font-medium text-slate-900">{t(`actionType.${a.type}`)}</td>
                    <td className="px-3 py-2 text-right tabular-nums text-slate-800">
                      {a.amount
                        ? format.number(Number(a.amount), { minimumFractionDigits: 2, maximumFractionDigits: 2 })
                        : ""}
                    </td>
                    <td className="px-3 py-2 text-slate-700">
                      {a.declId ?? (a.type === "TAX_ADJUSTMENT" ? t("actions.shared") : "")}
                    </td>
                    <td className="px-3 py-2 text-slate-700">{a.note ?? ""}</td>
                    <td className="px-3 py-2 text-slate-700">{a.recordedByName ?? someone}</td>
                    <td className="whitespace-nowrap px-3 py-2 text-slate-700">{when(a.recordedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </TableFrame>
          ) : (
            <p className="text-sm text-slate-600">{t("actions.empty")}</p>
          )}
        </section>

        <section aria-labelledby="case-timeline-title" className={section}>
          <h2 id="case-timeline-title" className={h2}>
            {t("detail.timeline")}
          </h2>
          <CaseTimeline entries={detail.timeline} userNames={detail.userNames} />
        </section>
      </div>
    </>
  );
}
