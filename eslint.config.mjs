import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  { ignores: ["lib/generated/**", ".next/**", ".data/**", "node_modules/**", "playwright-report/**", "test-results/**", "next-env.d.ts"] },
  {
    // Prisma batches the findUnique calls of one tick into a single query, run in the data scope of
    // whichever caller came first (lib/tenancy/scope.ts), so two requests' lookups could share one
    // tenant's scope. findFirst is never batched.
    files: ["app/**", "lib/**", "components/**", "prisma/**", "scripts/**"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[property.name=/^findUnique(OrThrow)?$/]",
          message: "Use findFirst (or findFirstOrThrow): Prisma batches findUnique across requests, outside their data scope.",
        },
      ],
    },
  },
];

export default config;
