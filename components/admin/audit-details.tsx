// An audit entry's details, readable: translated labels, numbers rounded for the eye (the exports keep them exact),
// yes/no, roles by name, changes as "from → to".
import { getFormatter, getTranslations } from "next-intl/server";
import { describeAuditDetails, type DetailValue } from "@/lib/audit-log/describe-audit-details";

// camelCase and snake_case keys the messages do not name, as words.
const humanize = (key: string) =>
  key
    .replace(/_/g, " ")
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .replace(/^./, (c) => c.toUpperCase());

export async function AuditDetails({ data }: { data: unknown }) {
  const [t, tRoles, format] = await Promise.all([
    getTranslations("admin.audit"),
    getTranslations("common.roles"),
    getFormatter(),
  ]);
  const details = describeAuditDetails(data);
  if (details.length === 0) return null;
  const label = (key: string) => (t.has(`fields.${key}`) ? t(`fields.${key}`) : humanize(key));
  const show = (value: DetailValue, key: string): string => {
    switch (value.kind) {
      case "empty":
        return t("none");
      case "number":
        return format.number(value.value, { maximumFractionDigits: 2 });
      case "boolean":
        return value.value ? t("yes") : t("no");
      case "text":
        if (key === "role" && tRoles.has(value.text)) return tRoles(value.text);
        if (key === "reason" && t.has(`reasons.${value.text}`)) return t(`reasons.${value.text}`);
        return value.text;
      case "list":
        return value.items.map((item) => show(item, key)).join(", ");
      case "change":
        return `${show(value.from, key)} → ${show(value.to, key)}`;
    }
  };
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs" data-testid="audit-details">
      {details.map((detail) => (
        <div key={detail.path.join(".")} className="contents">
          <dt className="text-slate-500">{detail.path.map(label).join(" › ")}</dt>
          <dd className="break-all text-slate-800">{show(detail.value, detail.key)}</dd>
        </div>
      ))}
    </dl>
  );
}
