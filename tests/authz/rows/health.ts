import type { Expectations, MatrixRow } from "@/tests/authz/expectations";

/** Public on purpose: a load balancer has no session. Neither route reads or reveals any tenant's data. */
const everyone = (status: number): Expectations => ({ signedOut: status, viewer: status, engineer: status, admin: status, owner: status, otherTenant: status, removed: status });

/** Health checks for load balancers (liveness: no I/O; readiness: database and Redis answer). */
export const rows: Record<string, MatrixRow> = {
  "GET /api/health/live": { expect: everyone(200) },
  "GET /api/health/ready": { expect: everyone(200) },
};
