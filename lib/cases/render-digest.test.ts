// The weekly digest as an e-mail, in the reader's language, with the users' own words escaped in the HTML.
import { describe, expect, it } from "vitest";
import { renderDigest } from "@/lib/cases/render-digest";
import type { DigestContent } from "@/lib/cases/weekly-digest";

const CONTENT: DigestContent = {
  weekStart: "2025-04-07",
  window: { from: "2025-01-01", to: "2025-03-31" },
  capacityPerMonth: 20,
  line: 60,
  aboveLine: 12,
  subjects: [
    { type: "officer", id: "X1", name: "Xavier One", rank: 1, priority: 87.25, flags: 3, methods: ["RATE_OUTLIER"] },
    { type: "broker", id: "B1", name: null, rank: 4, priority: 71, flags: 2, methods: ["BROKER_OFFICER_PAIR"] },
  ],
  cases: [{ id: 7, title: "Pair <B1> & X1", dueDate: "2025-04-01", overdue: true, status: "ASSIGNED" }],
};

describe("weekly digest e-mail", () => {
  it("lists the new subjects and the cases with links, in English", async () => {
    const mail = await renderDigest(CONTENT, "en", "https://portal.example/");
    expect(mail.subject).toBe("PMC Portal: weekly integrity digest, week of 2025-04-07");
    expect(mail.text).toContain("2 new subjects above the capacity line");
    expect(mail.text).toContain("#1 officer Xavier One (X1): priority 87.3, 3 flags (");
    expect(mail.text).toContain("https://portal.example/integrity/queue/officer/X1?period=2025-01-01_2025-03-31");
    expect(mail.text).toContain("Case #7 “Pair <B1> & X1”: overdue since 2025-04-01");
    expect(mail.text).toContain("https://portal.example/integrity/cases/7");
    expect(mail.html).toContain("Pair &lt;B1&gt; &amp; X1");
    expect(mail.html).not.toContain("<B1>");
  });

  it("reads in French, and says when there is nothing", async () => {
    const mail = await renderDigest({ ...CONTENT, subjects: [], cases: [] }, "fr", "https://portal.example");
    expect(mail.subject).toBe("PMC Portal : synthèse hebdomadaire de l’intégrité, semaine du 2025-04-07");
    expect(mail.text).toContain("Aucun nouveau sujet au-dessus de la ligne de capacité");
    expect(mail.text).toContain("Aucun dossier ouvert n’est en retard");
  });
});
