import { CircleAlert } from "lucide-react";

/** A reply that failed after the engineer's message was saved: the server's message, in line. */
export function TurnErrorNotice({ message }: { message: string }) {
  return (
    <li className="flex justify-start">
      <p role="alert" className="flex max-w-[85%] items-start gap-2 rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
        <CircleAlert aria-hidden className="mt-0.5 size-4 shrink-0 text-red-600" />
        <span>{message}</span>
      </p>
    </li>
  );
}
