import { demoUsers, otherUsers } from "../../prisma/seed-data";

/** Prints where the app runs and who can sign in. */
export function printSignIns(appUrl: string, password: string): void {
  const rows = [
    ...Object.entries(demoUsers).map(([key, user]) => [user.email, key === "removed" ? "removed (sign-in refused)" : user.role]),
    [otherUsers.owner.email, "owner of a second tenant"],
  ];
  const width = Math.max(...rows.map(([email]) => email!.length));
  console.log(`\n  FlowPilot is running at ${appUrl}\n`);
  console.log(`  Demo sign-ins (password: ${password})`);
  for (const [email, role] of rows) console.log(`    ${email!.padEnd(width)}  ${role}`);
  console.log("\n  Press Ctrl-C to stop.\n");
}
