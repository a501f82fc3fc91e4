"use client";
// A form's submit button that disables itself and says so while the server action runs. Inside <form action>
// it follows the form by itself; forms submitted from onSubmit pass their own `pending`.
import { useFormStatus } from "react-dom";
import { Button, type ButtonVariant } from "@/components/ui/button";

export function SubmitButton({
  children,
  pendingLabel,
  pending,
  variant = "primary",
  className,
}: {
  children: React.ReactNode;
  pendingLabel: string;
  pending?: boolean;
  variant?: ButtonVariant;
  className?: string;
}) {
  const status = useFormStatus();
  const busy = pending ?? status.pending;
  return (
    <Button type="submit" variant={variant} disabled={busy} aria-disabled={busy} className={className}>
      {busy ? pendingLabel : children}
    </Button>
  );
}
