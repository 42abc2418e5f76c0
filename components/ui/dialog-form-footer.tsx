import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { DialogClose } from "@/components/ui/dialog";
import { ErrorCallout } from "@/components/ui/error-callout";
import { Spinner } from "@/components/ui/spinner";

type Props = {
  submitLabel: string;
  /** The submit is running: both buttons are disabled and the submit shows a spinner. */
  pending: boolean;
  /** The form-wide message of the last failed submit, shown above the buttons. */
  error?: string;
  className?: string;
};

/** The end of a form in a dialog: its form-wide error, then Cancel (closes the dialog) and submit. */
export function DialogFormFooter({ submitLabel, pending, error, className }: Props) {
  return (
    <>
      {error && <ErrorCallout>{error}</ErrorCallout>}
      <div className={cn("flex justify-end gap-2", className)}>
        <DialogClose asChild>
          <Button variant="secondary" disabled={pending}>
            Cancel
          </Button>
        </DialogClose>
        <Button type="submit" disabled={pending}>
          {pending && <Spinner className="text-on-accent" />}
          {submitLabel}
        </Button>
      </div>
    </>
  );
}
