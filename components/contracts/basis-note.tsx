// "Scored on O/E" under an indicator's name wherever a contract's terms or scores are shown, with what that means
// on hover; nothing for an indicator scored on its raw value. Its threshold, target and value are then O/E ratios.
export function BasisNote({ basis, label, title }: { basis?: string | null; label: string; title: string }) {
  if (basis !== "OE") return null;
  return (
    <span className="mt-0.5 block text-xs font-medium text-brand-700" data-basis="OE">
      <abbr title={title}>{label}</abbr>
    </span>
  );
}
