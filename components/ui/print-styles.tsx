// Print layout of the print pages (contracts, evaluations, TRS report), which live inside the portal frame: on paper (and in the PDF that
// Chromium prints from them) the portal's header, navigation and footer disappear and the page fills A4.
export function PrintStyles() {
  return (
    <style>{`
      @page { size: A4; margin: 14mm 12mm; }
      @media print {
        body > div > header, body > div > footer, a[href="#main"] { display: none !important; }
        body { background: #fff !important; }
        main { max-width: none !important; padding: 0 !important; }
        .print-keep { break-inside: avoid; }
      }
    `}</style>
  );
}
