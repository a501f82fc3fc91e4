"use client";
// Links an account to an officer record: search the officers table by id or name, pick one, or remove the link.
// The choice travels in a hidden input, so the surrounding form posts it like any other field.
import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import type { OfficerOption } from "@/lib/users/search-officers";
import { inputClasses } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { useDebouncedSearch } from "@/components/ui/use-debounced-search";

export type PickedOfficer = { officerId: string; fullName: string; officeCode: string };

export function OfficerPicker({
  name,
  initial,
  search,
  error,
  ownerEmail,
}: {
  name: string;
  // The account being edited: its own officer may be picked again.
  ownerEmail?: string;
  initial: PickedOfficer | null;
  search: (query: string) => Promise<OfficerOption[]>;
  error?: string;
}) {
  const t = useTranslations("admin.officerPicker");
  const id = useId();
  const [picked, setPicked] = useState<PickedOfficer | null>(initial);
  const { query, setQuery, results, pending } = useDebouncedSearch<OfficerOption>(search);

  return (
    <fieldset className="flex flex-col gap-1.5">
      <legend className="text-sm font-medium text-slate-800">{t("label")}</legend>
      <input type="hidden" name={name} value={picked?.officerId ?? ""} />
      {picked ? (
        <div className="flex items-center justify-between gap-3 rounded-md bg-brand-50 px-3 py-2 ring-1 ring-inset ring-brand-100">
          <span className="text-sm text-slate-900">
            <span className="font-medium">{picked.fullName}</span>{" "}
            <span className="text-slate-600">
              · {picked.officerId} · {picked.officeCode}
            </span>
          </span>
          <Button variant="ghost" className="px-2 py-1 text-xs" onClick={() => setPicked(null)}>
            {t("remove")}
          </Button>
        </div>
      ) : (
        <>
          <label htmlFor={`${id}-search`} className="sr-only">
            {t("search")}
          </label>
          <input
            id={`${id}-search`}
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            placeholder={t("placeholder")}
            aria-describedby={`${id}-status`}
            aria-invalid={error ? true : undefined}
            className={inputClasses}
            autoComplete="off"
          />
          <p id={`${id}-status`} className="text-xs text-slate-600" aria-live="polite">
            {error ??
              (pending ? t("searching") : results === null ? t("hint") : t("results", { count: results.length }))}
          </p>
          {results && results.length > 0 ? (
            <ul className="max-h-56 divide-y divide-slate-100 overflow-y-auto rounded-md ring-1 ring-inset ring-slate-200">
              {results.map((officer) => {
                const takenBy = officer.linkedUserEmail !== ownerEmail ? officer.linkedUserEmail : null;
                return (
                  <li key={officer.officerId} className="flex items-center justify-between gap-3 px-3 py-2 text-sm">
                    <span>
                      <span className="font-medium text-slate-900">{officer.fullName}</span>
                      <span className="text-slate-600">
                        {" "}
                        · {officer.officerId} · {officer.officeCode} · {officer.unit}
                      </span>
                      {takenBy ? (
                        <span className="block text-xs text-amber-800">{t("alreadyLinked", { email: takenBy })}</span>
                      ) : null}
                    </span>
                    <Button
                      variant="secondary"
                      className="px-2.5 py-1 text-xs"
                      disabled={takenBy !== null}
                      onClick={() => {
                        setPicked({
                          officerId: officer.officerId,
                          fullName: officer.fullName,
                          officeCode: officer.officeCode,
                        });
                        setQuery("");
                      }}
                    >
                      {t("choose")}
                    </Button>
                  </li>
                );
              })}
            </ul>
          ) : null}
        </>
      )}
    </fieldset>
  );
}
