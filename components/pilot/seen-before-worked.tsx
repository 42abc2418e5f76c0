import Link from "next/link";
import { History } from "lucide-react";

/** On a fix card: the fix was reused from a resolved session where it worked. */
export function WorkedBefore({ source }: { source: { id: string; title: string } }) {
  return (
    <p className="mt-2 flex items-center gap-1.5 text-xs text-emerald-800">
      <History aria-hidden className="size-3.5 shrink-0" />
      <span>
        Worked before:{" "}
        <Link href={`/pilot/${source.id}`} className="font-medium underline underline-offset-2 hover:text-emerald-950">
          {source.title}
        </Link>
      </span>
    </p>
  );
}
