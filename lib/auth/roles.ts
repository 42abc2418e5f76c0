import type { UserRole } from "@/lib/generated/prisma/enums";

/** Named role gates (SPEC A3). Each lists the roles it lets through. */
export const guards = {
  signedIn: ["owner", "admin", "engineer", "viewer"],
  engineerOrAdmin: ["owner", "admin", "engineer"],
  ownerOrAdmin: ["owner", "admin"],
} as const satisfies Record<string, readonly UserRole[]>;

export type Guard = keyof typeof guards;

const refusal: Record<Guard, string> = {
  signedIn: "Sign in to continue.",
  engineerOrAdmin: "Engineer or admin access required.",
  ownerOrAdmin: "Owner or admin access required.",
};

/** True when `role` passes `guard`. */
export function roleAllows(guard: Guard, role: UserRole): boolean {
  return (guards[guard] as readonly UserRole[]).includes(role);
}

/** The message a person sees when `guard` refuses them. */
export function guardRefusal(guard: Guard): string {
  return refusal[guard];
}
