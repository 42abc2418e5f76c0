/** The server's refusal above a sign-in style form's button, announced as it appears. */
export function FormAlert({ message }: { message?: string | null }) {
  if (!message) return null;
  return (
    <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
      {message}
    </p>
  );
}

type SubmitProps = { pending: boolean; label: string; pendingLabel: string };

/** The full-width primary button of a sign-in style form; disabled and relabelled while it submits. */
export function FormSubmitButton({ pending, label, pendingLabel }: SubmitProps) {
  return (
    <button
      type="submit"
      disabled={pending}
      className="w-full rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-on-accent shadow-sm hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:cursor-not-allowed disabled:opacity-60"
    >
      {pending ? pendingLabel : label}
    </button>
  );
}
