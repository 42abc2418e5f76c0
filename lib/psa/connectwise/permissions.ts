/**
 * The security-role areas a ConnectWise API member needs, named as CW's Security Roles screen
 * does (module › function (level)), so a 403 tells the admin what to grant.
 */
export const CW_PERMISSION = {
  ticketsInquire: "Service Desk › Service Tickets (Inquire)",
  ticketsAdd: "Service Desk › Service Tickets (Add)",
  ticketsEdit: "Service Desk › Service Tickets (Edit)",
  boards: "Service Desk › Service Boards / System › Table Setup (Inquire)",
  priorities: "System › Table Setup (Inquire)",
  members: "System › Member Maintenance (Inquire)",
  companies: "Companies › Company Maintenance (Inquire)",
  scheduleInquire: "Schedule › Schedule Entries (Inquire)",
  scheduleAdd: "Schedule › Schedule Entries (Add)",
  scheduleDelete: "Schedule › Schedule Entries (Delete)",
  system: "System › System Info (Inquire)",
} as const;
