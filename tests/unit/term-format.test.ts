// A contract term or value reads in the basis its indicator is scored on: O/E ratios with two decimals in the
// reader's language, raw values in the KPI's own unit (components/format/kpi-format.ts).
import { describe, expect, it } from "vitest";
import { createFormatter, createTranslator } from "next-intl";
import { formatTermValue } from "@/components/format/kpi-format";
import { loadMessages } from "@/lib/i18n/messages";

async function tools(locale: "en" | "fr") {
  const messages = await loadMessages(locale);
  const t = createTranslator({ locale, messages, namespace: "contracts" });
  return {
    format: createFormatter({ locale }),
    t: (key: string, v?: Record<string, string | number>) => t(key as never, v as never),
  };
}

describe("contract terms by basis", () => {
  it("shows an O/E ratio with two decimals and a raw rate as a percentage", async () => {
    const en = await tools("en");
    const fr = await tools("fr");
    expect(formatTermValue(en.format, en.t, "P1", "OE", 1.1)).toBe("1.10");
    expect(formatTermValue(fr.format, fr.t, "P1", "OE", 0.7326)).toBe("0,73");
    expect(formatTermValue(en.format, en.t, "P1", "OE", null)).toBe("—");
    expect(formatTermValue(en.format, en.t, "P1", "RAW", 0.45)).toBe("45%");
    expect(formatTermValue(en.format, en.t, "P1", undefined, 0.45)).toBe("45%");
  });
});
