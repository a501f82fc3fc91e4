// A weekly digest as an e-mail in its reader's language: subject line, plain text and HTML (the same lines), with
// links into the portal. Case titles are the users' own words: escaped in the HTML.
import { createTranslator } from "next-intl";
import { loadMessages } from "@/lib/i18n/messages";
import { isLocale, DEFAULT_LOCALE } from "@/lib/i18n/locales";
import type { DigestContent } from "@/lib/cases/weekly-digest";

export type RenderedDigest = { subject: string; text: string; html: string };

// The catalogue is loaded as plain JSON, so its keys are not known to the type checker.
type Translate = ((key: string, values?: Record<string, string | number>) => string) & {
  has: (key: string) => boolean;
};

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export async function renderDigest(content: DigestContent, locale: string, portalUrl: string): Promise<RenderedDigest> {
  const lang = isLocale(locale) ? locale : DEFAULT_LOCALE;
  const messages = await loadMessages(lang);
  const t = createTranslator({ locale: lang, messages, namespace: "triage.digest" }) as unknown as Translate;
  const methods = createTranslator({ locale: lang, messages, namespace: "integrity.methods" }) as unknown as Translate;
  const base = portalUrl.replace(/\/+$/, "");
  const methodName = (m: string) => (methods.has(m) ? methods(m) : m);
  const number = (v: number) => new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(v);

  const subjectLines = content.subjects.map((s) => ({
    text: t("subjectLine", {
      rank: s.rank,
      who: s.name ? `${s.name} (${s.id})` : s.id,
      kind: t(`kinds.${s.type === "officer" || s.type === "broker" || s.type === "importer" ? s.type : "declaration"}`),
      priority: number(s.priority),
      flags: s.flags,
      methods: s.methods.map(methodName).join(", "),
    }),
    href: `${base}/integrity/queue/${encodeURIComponent(s.type)}/${encodeURIComponent(s.id)}${
      content.window ? `?period=${content.window.from}_${content.window.to}` : ""
    }`,
  }));
  const caseLines = content.cases.map((c) => ({
    text: t(c.overdue ? "caseOverdue" : "caseDue", { id: c.id, title: c.title, due: c.dueDate ?? "—" }),
    href: `${base}/integrity/cases/${c.id}`,
  }));
  const subject = t("subject", { week: content.weekStart });
  const intro = t("intro", {
    week: content.weekStart,
    above: content.aboveLine,
    perMonth: content.capacityPerMonth,
    period: content.window ? `${content.window.from} – ${content.window.to}` : "—",
  });
  const sections = [
    { title: t("subjectsTitle", { count: subjectLines.length }), lines: subjectLines, none: t("noSubjects") },
    { title: t("casesTitle", { count: caseLines.length }), lines: caseLines, none: t("noCases") },
  ];
  const text = [
    intro,
    ...sections.flatMap((s) => [
      "",
      s.title,
      ...(s.lines.length ? s.lines.map((l) => `- ${l.text}\n  ${l.href}`) : [s.none]),
    ]),
    "",
    t("footer", { url: `${base}/integrity/queue` }),
  ].join("\n");
  const html = [
    `<p>${escapeHtml(intro)}</p>`,
    ...sections.map(
      (s) =>
        `<h2>${escapeHtml(s.title)}</h2>` +
        (s.lines.length
          ? `<ul>${s.lines.map((l) => `<li><a href="${escapeHtml(l.href)}">${escapeHtml(l.text)}</a></li>`).join("")}</ul>`
          : `<p>${escapeHtml(s.none)}</p>`),
    ),
    `<p><a href="${escapeHtml(`${base}/integrity/queue`)}">${escapeHtml(t("open"))}</a></p>`,
  ].join("\n");
  return { subject, text, html };
}
