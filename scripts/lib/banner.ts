import { demoUsers, otherUsers } from "../../prisma/seed-data";

export type BannerPsa = {
  /** The ConnectWise simulator serving the demo tenant, when one was started. */
  simulatorUrl: string | null;
  /** The demo tenant's own ConnectWise site, when someone set one (the simulator then stays off). */
  demoPsaSite: string | null;
};

/** Prints where the app runs, who can sign in and which ConnectWise the demo tenant talks to. */
export function printSignIns(appUrl: string, password: string, psa: BannerPsa = { simulatorUrl: null, demoPsaSite: null }): void {
  const rows = [
    ...Object.entries(demoUsers).map(([key, user]) => [user.email, key === "removed" ? "removed (sign-in refused)" : user.role]),
    [otherUsers.owner.email, "owner of a second tenant"],
  ];
  const width = Math.max(...rows.map(([email]) => email!.length));
  console.log(`\n  FlowPilot is running at ${appUrl}\n`);
  console.log(`  Demo sign-ins (password: ${password})`);
  for (const [email, role] of rows) console.log(`    ${email!.padEnd(width)}  ${role}`);
  if (psa.simulatorUrl) {
    console.log(`\n  ConnectWise simulator (Demo MSP's PSA): ${psa.simulatorUrl}`);
    console.log(`    admin API: ${psa.simulatorUrl}/_sim/health, /_sim/tickets/<id>, /_sim/traps`);
  } else if (psa.demoPsaSite) {
    console.log(`\n  Demo MSP's PSA: ${psa.demoPsaSite} (set in Settings; the simulator is not started)`);
  }
  console.log("\n  Press Ctrl-C to stop.\n");
}
