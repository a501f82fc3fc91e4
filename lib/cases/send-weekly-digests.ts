// Sends each reader's weekly integrity digest once per week: every active integrity analyst and every active manager
// granted the integrity area. The first run of a week writes one weekly_digests row per reader (a unique key on
// reader and week, so a second run, or a second worker, writes none); with an SMTP server configured (SMTP_URL) the
// row is an e-mail, sent then and marked sent, and retried by later runs until it goes; without one it stays in the
// portal, where the integrity home page shows it. Run by the hourly integrity.sla-check job.
import "server-only";
import nodemailer from "nodemailer";
import type { Prisma } from "@prisma/client";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { todayIso } from "@/lib/kernel/calendar";
import { composeDigest, weekStartOf, type DigestContent } from "@/lib/cases/weekly-digest";
import { renderDigest } from "@/lib/cases/render-digest";

export type DigestOptions = {
  now?: Date;
  // Default: the environment's SMTP_URL; null keeps every digest in the portal.
  smtpUrl?: string | null;
  from?: string;
  portalUrl?: string;
};

export async function sendWeeklyDigests(
  options: DigestOptions = {},
): Promise<{ written: number; sent: number; failed: number }> {
  const now = options.now ?? new Date();
  const smtpUrl = options.smtpUrl === undefined ? (env.SMTP_URL ?? null) : options.smtpUrl;
  const weekStart = new Date(`${weekStartOf(todayIso(now))}T00:00:00Z`);
  const readers = await db.user.findMany({
    where: { active: true, OR: [{ role: "INTEGRITY" }, { role: "MANAGER", integrityAccess: true }] },
    orderBy: { id: "asc" },
  });
  const transport = smtpUrl ? nodemailer.createTransport(smtpUrl) : null;
  let written = 0;
  let sent = 0;
  let failed = 0;
  try {
    for (const reader of readers) {
      const key = { userId_weekStart: { userId: reader.id, weekStart } };
      let row = await db.weeklyDigest.findUnique({ where: key });
      if (!row) {
        const content = await composeDigest(reader, now);
        const created = await db.weeklyDigest.createMany({
          data: [
            {
              userId: reader.id,
              weekStart,
              channel: transport ? "email" : "portal",
              content: content as unknown as Prisma.InputJsonValue,
            },
          ],
          skipDuplicates: true,
        });
        written += created.count;
        row = await db.weeklyDigest.findUnique({ where: key });
      }
      if (!row || row.channel !== "email" || row.sentAt || !transport) continue;
      const mail = await renderDigest(
        row.content as unknown as DigestContent,
        reader.locale,
        options.portalUrl ?? env.PORTAL_URL,
      );
      try {
        await transport.sendMail({ from: options.from ?? env.MAIL_FROM, to: reader.email, ...mail });
        // Only the run that sent it marks it, so two workers racing send it at most twice, never lose it.
        await db.weeklyDigest.updateMany({ where: { id: row.id, sentAt: null }, data: { sentAt: new Date() } });
        sent++;
      } catch (error) {
        failed++;
        logger.warn({ err: error, userId: reader.id }, "weekly digest not sent; retried on the next run");
      }
    }
  } finally {
    transport?.close();
  }
  return { written, sent, failed };
}

// The latest weekly digest of one reader, for the integrity home page.
export async function latestWeeklyDigest(userId: string) {
  const row = await db.weeklyDigest.findFirst({ where: { userId }, orderBy: { weekStart: "desc" } });
  return row ? { ...row, content: row.content as unknown as DigestContent } : null;
}
