// Office, lane and interval pickers of the TRS distribution, trend and peaks screens (inside the period form).
import { getTranslations } from "next-intl/server";
import { TRS_INTERVAL_IDS, TRS_LANES } from "@/lib/trs/trs-intervals";
import type { OfficeChoice } from "@/lib/dashboard/dashboard-scope";
import { inputClasses } from "@/components/ui/field";

const field = "flex flex-col gap-1.5";
const label = "text-sm font-medium text-slate-800";

export async function TrsSelectors({
  offices,
  office,
  lane,
  interval,
}: {
  offices: OfficeChoice[];
  office: string;
  lane?: string;
  interval?: string;
}) {
  const [t, ta] = await Promise.all([getTranslations("analysis.trs.distribution"), getTranslations("analysis")]);
  return (
    <>
      <div className={field}>
        <label htmlFor="pick-office" className={label}>
          {t("office")}
        </label>
        <select id="pick-office" name="office" defaultValue={office} className={inputClasses}>
          {offices.map((o) => (
            <option key={o.officeCode} value={o.officeCode}>{`${o.officeCode} · ${o.name}`}</option>
          ))}
        </select>
      </div>
      {lane !== undefined ? (
        <div className={field}>
          <label htmlFor="pick-lane" className={label}>
            {t("lane")}
          </label>
          <select id="pick-lane" name="lane" defaultValue={lane} className={inputClasses}>
            {TRS_LANES.map((l) => (
              <option key={l} value={l}>
                {ta("laneLabel", { lane: ta(`lanes.${l}`), code: l })}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {interval !== undefined ? (
        <div className={field}>
          <label htmlFor="pick-interval" className={label}>
            {t("interval")}
          </label>
          <select id="pick-interval" name="interval" defaultValue={interval} className={inputClasses}>
            {TRS_INTERVAL_IDS.map((i) => (
              <option key={i} value={i}>
                {ta(`intervals.${i}`)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
    </>
  );
}
