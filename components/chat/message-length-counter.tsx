import { cn } from "@/components/ui/cn";
import type { LengthBand } from "@/components/chat/message-length";
import { CHAT_MESSAGE_MAX_LENGTH } from "@/lib/chat/message-limit";

const count = (value: number) => value.toLocaleString("en-US");
const LIMIT = count(CHAT_MESSAGE_MAX_LENGTH);

/** What a screen reader hears: only when the band changes, not on every keystroke. */
const ANNOUNCEMENT: Record<LengthBand, string> = {
  room: "",
  near: `The message is nearing the ${LIMIT}-character limit.`,
  over: `The message is over the ${LIMIT}-character limit. Shorten it to send it.`,
};

type Props = { id: string; length: number; band: LengthBand };

/**
 * The characters used near the limit, and past it why Send is off. The visible count is not
 * live (it would read out every keystroke); a polite status says when the band changes.
 */
export function MessageLengthCounter({ id, length, band }: Props) {
  return (
    <>
      {band !== "room" && (
        <p id={id} data-testid="message-length" className={cn("text-xs tabular-nums", band === "over" ? "font-medium text-red-700" : "text-slate-600")}>
          {band === "over"
            ? `${count(length)} / ${LIMIT} characters: ${count(length - CHAT_MESSAGE_MAX_LENGTH)} over the limit. Shorten the message to send it.`
            : `${count(length)} / ${LIMIT} characters`}
        </p>
      )}
      <p className="sr-only" role="status" aria-live="polite">
        {ANNOUNCEMENT[band]}
      </p>
    </>
  );
}
