// Who a row of the work queue is: an officer by name and id, a broker, an importer or a declaration by id, and for
// a broker or officer of a broker–officer pair, the other party.
import { getTranslations } from "next-intl/server";

export async function SubjectName({
  type,
  id,
  names,
  pairedWith = [],
}: {
  type: string;
  id: string;
  names: Map<string, string>;
  pairedWith?: string[];
}) {
  const t = await getTranslations("triage.subjectTypes");
  const known = ["officer", "broker", "importer", "declaration"].includes(type);
  const main = type === "officer" ? (names.get(id) ?? id) : id;
  const partner = (other: string) => (type === "broker" ? (names.get(other) ?? other) : other);
  return (
    <span>
      <span className="font-medium text-slate-900">{main}</span>
      <span className="block text-xs text-slate-500">
        {known ? t(type as "officer", { id }) : `${type} ${id}`}
        {pairedWith.length
          ? ` · ${t(type === "broker" ? "pairedOfficers" : "pairedBrokers", { names: pairedWith.map(partner).join(", ") })}`
          : ""}
      </span>
    </span>
  );
}
