// The issued API tokens: what each may read, until when, when it was last used, and its revocation.
import { getFormatter, getTranslations } from "next-intl/server";
import type { ApiTokenView } from "@/lib/api/api-tokens";
import type { FormAction } from "@/components/forms/use-form-action";
import { TableFrame, TableHead } from "@/components/ui/table-frame";
import { RevokeTokenButton } from "@/components/privacy/revoke-token-button";

export async function ApiTokensTable({ tokens, revoke }: { tokens: ApiTokenView[]; revoke: FormAction }) {
  const [t, format] = await Promise.all([getTranslations("privacy.apiTokens.list"), getFormatter()]);
  if (!tokens.length) return <p className="text-sm text-slate-600">{t("empty")}</p>;
  const date = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  return (
    <TableFrame caption={t("caption")} testId="api-tokens">
      <TableHead>
        <th scope="col" className="px-4 py-3">
          {t("name")}
        </th>
        <th scope="col" className="px-4 py-3">
          {t("scopes")}
        </th>
        <th scope="col" className="px-4 py-3">
          {t("office")}
        </th>
        <th scope="col" className="px-4 py-3">
          {t("expires")}
        </th>
        <th scope="col" className="px-4 py-3">
          {t("lastUsed")}
        </th>
        <th scope="col" className="px-4 py-3">
          {t("status")}
        </th>
        <th scope="col" className="px-4 py-3">
          <span className="sr-only">{t("revoke")}</span>
        </th>
      </TableHead>
      <tbody className="divide-y divide-slate-100">
        {tokens.map((token) => {
          const status = token.status;
          return (
            <tr key={token.id} data-token={token.name}>
              <td className="px-4 py-3 align-top">
                <div className="font-medium text-slate-900">{token.name}</div>
                <div className="font-mono text-xs text-slate-500">{token.prefix}…</div>
                {token.pseudonymPurpose ? (
                  <div className="text-xs text-slate-600">{t("pseudonyms", { purpose: token.pseudonymPurpose })}</div>
                ) : null}
              </td>
              <td className="px-4 py-3 align-top font-mono text-xs text-slate-700">{token.scopes.join(", ")}</td>
              <td className="px-4 py-3 align-top">{token.officeCode ?? "—"}</td>
              <td className="px-4 py-3 align-top whitespace-nowrap">{date(token.expiresAt)}</td>
              <td className="px-4 py-3 align-top whitespace-nowrap">
                {token.lastUsedAt ? date(token.lastUsedAt) : t("never")}
              </td>
              <td className="px-4 py-3 align-top">
                <span
                  className={`rounded-full px-2 py-0.5 text-xs font-medium ${
                    status === "active" ? "bg-green-50 text-green-800" : "bg-slate-100 text-slate-700"
                  }`}
                >
                  {t(status)}
                </span>
              </td>
              <td className="px-4 py-3 align-top text-right">
                {status === "active" ? <RevokeTokenButton action={revoke} id={token.id} name={token.name} /> : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </TableFrame>
  );
}
