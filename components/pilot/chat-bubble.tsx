import { Bot, Info } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { RelativeTime } from "@/components/ui/relative-time";
import type { StepKind } from "@/lib/generated/prisma/enums";

export type SessionStep = {
  id: string;
  kind: StepKind;
  content: string;
  createdAt: Date;
  user: { id: string; name: string } | null;
};

/** One step of the conversation: engineer on the right, FlowPilot on the left, events centred. */
export function ChatBubble({ step }: { step: SessionStep }) {
  if (step.kind === "engineer_action" || step.kind === "system_event") {
    return (
      <li className="flex justify-center">
        <p className="inline-flex max-w-[85%] items-center gap-2 rounded-full bg-slate-100 px-3 py-1 text-xs text-slate-600">
          <Info aria-hidden className="size-3.5 shrink-0" />
          <span>{step.content}</span>
          <RelativeTime date={step.createdAt} className="text-slate-400" />
        </p>
      </li>
    );
  }
  const fromEngineer = step.kind === "engineer_message";
  return (
    <li className={cn("flex gap-3", fromEngineer ? "justify-end" : "justify-start")}>
      {!fromEngineer && (
        <span aria-hidden className="mt-5 flex size-7 shrink-0 items-center justify-center rounded-full bg-indigo-100">
          <Bot className="size-4 text-indigo-700" />
        </span>
      )}
      <div className={cn("flex max-w-[80%] flex-col", fromEngineer ? "items-end" : "items-start")}>
        <p className="mb-1 text-xs text-slate-500">
          <span className="font-medium text-slate-700">{fromEngineer ? (step.user?.name ?? "Engineer") : "FlowPilot"}</span>
          {" · "}
          <RelativeTime date={step.createdAt} />
        </p>
        <div
          className={cn(
            "rounded-2xl px-4 py-2.5 text-sm leading-relaxed whitespace-pre-wrap",
            fromEngineer
              ? "rounded-tr-sm bg-indigo-600 text-white"
              : "rounded-tl-sm border border-slate-200 bg-white text-slate-800 shadow-sm",
          )}
        >
          {step.content}
        </div>
      </div>
    </li>
  );
}
