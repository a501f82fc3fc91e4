// The office and unit pages' tables as downloads: the month's KPI table (value, numerator, n, last month, the
// contract's threshold and target) or, with table=officers, the officers' values on one KPI.
import "server-only";
import { valueColumn, valueUnit } from "@/lib/kpis/value-unit";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session-user";
import { KPI_CATALOGUE } from "@/lib/kpis/catalogue";
import { addMonths } from "@/lib/kernel/calendar";
import { visibleOfficeOrThrow } from "@/lib/dashboard/dashboard-scope";
import {
  dataMonths,
  monthlyValues,
  officerValues,
  subjectTerms,
  type DashboardSubject,
} from "@/lib/dashboard/subject-dashboard";
import { SubjectFilters } from "@/lib/dashboard/subject-filters";
import { tableExportResponse, type ExportFormat } from "@/lib/table-export";

const SubjectExportInput = SubjectFilters.extend({
  office: z.string().trim().min(1).max(40),
  unit: z.string().trim().max(80).default(""),
  table: z.enum(["kpis", "officers"]).default("kpis"),
});

export async function subjectExportResponse(
  user: SessionUser,
  params: URLSearchParams,
  format: ExportFormat,
): Promise<Response> {
  const input = SubjectExportInput.parse(Object.fromEntries(params));
  const office = await visibleOfficeOrThrow(user, input.office, input.unit || undefined);
  const month = input.month || (await dataMonths()).months.at(-1) || "";
  const subject: DashboardSubject = input.unit
    ? { type: "unit", id: `${office.officeCode}/${input.unit}`, officeCode: office.officeCode, unit: input.unit }
    : { type: "office", id: office.officeCode, officeCode: office.officeCode, unit: null };
  const stem = `${subject.id}_${month}`;
  if (input.table === "officers") {
    const rows = await officerValues(office.officeCode, input.unit || null, input.kpi, month);
    return tableExportResponse(
      {
        name: input.kpi,
        columns: ["officer_id", "full_name", "unit", "kpi_id", "month", valueColumn(input.kpi), "n"],
        rows: rows.map((r) => [r.officerId, r.fullName, r.unit, input.kpi, month, r.value, r.n]),
      },
      format,
      `${stem}_${input.kpi}_officers`,
    );
  }
  const [series, terms] = await Promise.all([
    monthlyValues(
      subject,
      KPI_CATALOGUE.map((k) => k.id),
    ),
    subjectTerms(subject, month),
  ]);
  const cell = (kpiId: string, m: string) => series.get(kpiId)?.find((c) => c.month === m);
  const rows = KPI_CATALOGUE.map((k) => {
    const c = cell(k.id, month);
    return [
      subject.type,
      subject.id,
      month,
      k.id,
      k.name,
      valueUnit(k.id),
      c?.value ?? null,
      c?.numerator ?? null,
      c?.denominator ?? null,
      cell(k.id, addMonths(month, -1))?.value ?? null,
      terms.get(k.id)?.threshold ?? null,
      terms.get(k.id)?.target ?? null,
    ];
  });
  return tableExportResponse(
    {
      name: "kpis",
      columns: [
        "subject_type",
        "subject_id",
        "month",
        "kpi_id",
        "kpi_name",
        "value_unit",
        "value",
        "numerator",
        "denominator",
        "previous_month_value",
        "threshold",
        "target",
      ],
      rows,
    },
    format,
    `${stem}_kpis`,
  );
}
