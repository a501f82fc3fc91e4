// Role and account-status badges of the admin tables.
import type { Role } from "@prisma/client";

const ROLE_TONES: Record<Role, string> = {
  ADMIN: "bg-brand-50 text-brand-800 ring-brand-100",
  MANAGER: "bg-sky-50 text-sky-900 ring-sky-200",
  INTEGRITY: "bg-violet-50 text-violet-900 ring-violet-200",
  OFFICER: "bg-slate-100 text-slate-800 ring-slate-200",
};

const base = "inline-flex items-center rounded-md px-2 py-0.5 text-xs font-medium ring-1 ring-inset";

export function RoleBadge({ role, label }: { role: Role; label: string }) {
  return <span className={`${base} ${ROLE_TONES[role]}`}>{label}</span>;
}

export function StatusBadge({ active, label }: { active: boolean; label: string }) {
  const tone = active
    ? "bg-emerald-50 text-emerald-800 ring-emerald-200"
    : "bg-slate-100 text-slate-600 ring-slate-300";
  return (
    <span className={`${base} gap-1.5 ${tone}`}>
      <span aria-hidden className={`h-1.5 w-1.5 rounded-full ${active ? "bg-emerald-600" : "bg-slate-400"}`} />
      {label}
    </span>
  );
}
