/** Fixed identities of the demo data, shared by the seed, the README and the tests. */
export const demoAccount = { id: "0b6f3c1e-3d4a-4c5e-9f10-000000000001", name: "Demo MSP", slug: "demo-msp" };
export const otherAccount = { id: "0b6f3c1e-3d4a-4c5e-9f10-000000000002", name: "Other MSP", slug: "other-msp" };

export const demoUsers = {
  owner: { id: "1a000000-0000-4000-8000-000000000001", email: "owner@demo-msp.test", name: "Olivia Owner", role: "owner" },
  admin: { id: "1a000000-0000-4000-8000-000000000002", email: "admin@demo-msp.test", name: "Adam Admin", role: "admin" },
  junior: { id: "1a000000-0000-4000-8000-000000000003", email: "junior@demo-msp.test", name: "Jamie Junior", role: "engineer" },
  senior: { id: "1a000000-0000-4000-8000-000000000004", email: "senior@demo-msp.test", name: "Sam Senior", role: "engineer" },
  viewer: { id: "1a000000-0000-4000-8000-000000000005", email: "viewer@demo-msp.test", name: "Vera Viewer", role: "viewer" },
  removed: { id: "1a000000-0000-4000-8000-000000000006", email: "removed@demo-msp.test", name: "Rory Removed", role: "engineer" },
} as const;

export const otherUsers = {
  owner: { id: "1b000000-0000-4000-8000-000000000001", email: "owner@other-msp.test", name: "Odin Other", role: "owner" },
} as const;

export const demoSessions = {
  active: "2a000000-0000-4000-8000-000000000001",
  parked: "2a000000-0000-4000-8000-000000000002",
  escalated: "2a000000-0000-4000-8000-000000000003",
  requestingEscalation: "2a000000-0000-4000-8000-000000000004",
  resolved: "2a000000-0000-4000-8000-000000000005",
} as const;

export const otherSessions = { active: "2b000000-0000-4000-8000-000000000001" } as const;
