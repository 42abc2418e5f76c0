"use client";

import { createContext, useContext, useEffect, useEffectEvent } from "react";

/** Where the tab's stream stands: `off` when there is none (viewers, or outside the provider). */
export type StreamState = "off" | "connecting" | "live" | "reconnecting";

/** `handoff_created` data (F4): a teammate escalated a session. */
export type HandoffCreatedData = {
  handoff_id: string;
  session_id: string;
  session_title: string;
  reason: string;
  from_user_id: string;
  from_user_name: string;
  target_user_id: string | null;
  created_at: string;
  link: string;
};

/** `handoff_claimed` data (F6): someone picked an escalation up. */
export type HandoffClaimedData = {
  handoff_id: string;
  session_id: string;
  claimed_by_id: string;
  claimed_by_name: string;
  claimed_at: string;
};

/** `handoff_reminded` data (F9): an escalation still waits; the team got a reminder. */
export type HandoffRemindedData = { handoff_id: string; session_id: string; session_title: string; reminded_at: string };

/**
 * What subscribers receive. `resync` follows a reconnect that may have missed events: refetch
 * whatever you show from the server rather than patching it.
 */
export type EscalationStreamEvent =
  | { type: "handoff_created"; id: string; data: HandoffCreatedData }
  | { type: "handoff_claimed"; id: string; data: HandoffClaimedData }
  | { type: "handoff_reminded"; id: string; data: HandoffRemindedData }
  | { type: "resync" };

export type StreamListener = (event: EscalationStreamEvent) => void;

export type EscalationStream = {
  state: StreamState;
  /** Adds a listener; returns the function that removes it. */
  subscribe: (listener: StreamListener) => () => void;
};

const noStream: EscalationStream = { state: "off", subscribe: () => () => {} };

export const EscalationStreamContext = createContext<EscalationStream>(noStream);

/** The tab's one escalation stream (see EscalationStreamProvider); `off` outside it. */
export function useEscalationStream(): EscalationStream {
  return useContext(EscalationStreamContext);
}

/** Calls `onEvent` with every stream event while the component is mounted; it always sees current props. */
export function useEscalationEvents(onEvent: StreamListener): StreamState {
  const { state, subscribe } = useEscalationStream();
  const handle = useEffectEvent(onEvent);
  useEffect(() => subscribe((event) => handle(event)), [subscribe]);
  return state;
}
