// Root layout: document language, font, and the messages for the browser outside the areas (each area's layout
// sends its own part instead).
import type { Metadata } from "next";
import localFont from "next/font/local";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import "./globals.css";

// Inter from the npm package: next/font/google cannot download fonts on an offline build machine.
const inter = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  variable: "--font-inter",
  weight: "100 900",
  display: "swap",
});

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: { default: t("productName"), template: `%s · ${t("productName")}` }, description: t("tagline") };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale} className={inter.variable}>
      <body className="min-h-screen font-sans">
        <ClientMessages part="root">{children}</ClientMessages>
      </body>
    </html>
  );
}
