// Money always carries its currency, and large sums read abbreviated in the reader's language.
import { describe, expect, it } from "vitest";
import { createFormatter, createTranslator } from "next-intl";
import { formatKpiDelta, formatKpiValue, formatMoney } from "@/components/format/kpi-format";
import { loadMessages } from "@/lib/i18n/messages";

async function tools(locale: "en" | "fr") {
  const messages = await loadMessages(locale);
  const t = createTranslator({ locale, messages, namespace: "contracts" });
  return {
    format: createFormatter({ locale }),
    t: (key: string, v?: Record<string, string | number>) => t(key as never, v as never),
  };
}
// Intl separates French digit groups and the compact suffix with (narrow) no-break spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("money", () => {
  it("says the currency of the setting (XAF by default), abbreviating from a million", async () => {
    const en = await tools("en");
    const fr = await tools("fr");
    expect(formatMoney(en.format, en.t, 9_144_966)).toBe("9.1M XAF");
    expect(plain(formatMoney(fr.format, fr.t, 9_144_966))).toBe("9,1 M XAF");
    expect(formatMoney(en.format, en.t, 80_000_000_000)).toBe("80B XAF");
    expect(plain(formatMoney(fr.format, fr.t, 80_000_000_000))).toBe("80 Md XAF");
    expect(formatMoney(en.format, en.t, 152_300)).toBe("152,300 XAF");
    expect(plain(formatMoney(fr.format, fr.t, 152_300))).toBe("152 300 XAF");
    expect(formatMoney(en.format, en.t, null)).toBe("—");
  });

  it("is how every amount KPI and its changes read", async () => {
    const en = await tools("en");
    // P8 revenue per declaration, P10 additional revenue (a change, signed).
    expect(formatKpiValue(en.format, en.t, "P8", 9_144_966)).toBe("9.1M XAF");
    expect(formatKpiDelta(en.format, en.t, "P10", 250_000)).toBe("+250K XAF");
    // Rates and hours are not money.
    expect(formatKpiValue(en.format, en.t, "P1", 0.5)).toBe("50%");
    expect(formatKpiValue(en.format, en.t, "P4", 12.5)).toBe("12.5 h");
  });
});
