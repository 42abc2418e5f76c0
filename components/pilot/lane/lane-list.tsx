"use client";

import { CircleHelp, Stethoscope } from "lucide-react";
import type { PilotTaskLane } from "@/components/pilot/pilot-types";
import { LaneItem } from "@/components/pilot/lane/lane-item";
import { LaneSection } from "@/components/pilot/lane/lane-section";

type Props = { sessionId: string; lane: PilotTaskLane; recordedRefs: Set<string> };

/** B3: "Questions" (for the end user) and "Diagnostic checks" from the session's task lane. */
export function LaneLists({ sessionId, lane, recordedRefs }: Props) {
  return (
    <>
      <LaneSection id="questions" title="Questions" icon={CircleHelp} iconClassName="text-blue-600" count={lane.questions.length}>
        {lane.questions.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">No questions yet. FlowPilot lists what to ask the end user here.</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-100">
            {lane.questions.map((item) => (
              <LaneItem key={item.id} sessionId={sessionId} kind="question" id={item.id} text={item.text} recorded={recordedRefs.has(item.id)} />
            ))}
          </ul>
        )}
      </LaneSection>
      <LaneSection id="diagnostic-checks" title="Diagnostic checks" icon={Stethoscope} iconClassName="text-amber-600" count={lane.actions.length}>
        {lane.actions.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">No checks yet. FlowPilot lists what to run or look at here.</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-100">
            {lane.actions.map((item) => (
              <LaneItem
                key={item.id}
                sessionId={sessionId}
                kind="diagnostic_check"
                id={item.id}
                text={item.label}
                command={item.command}
                recorded={recordedRefs.has(item.id)}
              />
            ))}
          </ul>
        )}
      </LaneSection>
    </>
  );
}
