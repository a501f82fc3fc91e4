// The detection parameters form as the settings screen posts it: one field per parameter, named by its path
// ("rateOutlier.minN"), KPI lists as repeated checkboxes. Numbers may be typed with a decimal comma; an unreadable
// one stays NaN so DetectionParams refuses it next to its field.
import { parseTypedNumber } from "@/lib/contracts/typed-number";
import { DEFAULT_DETECTION_PARAMS, type DetectionParams } from "@/lib/integrity/detection-params";

type FormLike = { get(name: string): FormDataEntryValue | null; getAll(name: string): FormDataEntryValue[] };

export function paramsFromForm(form: FormLike): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [group, params] of Object.entries(DEFAULT_DETECTION_PARAMS) as [
    keyof DetectionParams,
    Record<string, unknown>,
  ][]) {
    out[group] = {};
    for (const [key, fallback] of Object.entries(params)) {
      const name = `${group}.${key}`;
      out[group][key] = Array.isArray(fallback)
        ? form.getAll(name).map(String)
        : parseTypedNumber(String(form.get(name) ?? ""));
    }
  }
  return out;
}
