// Typed GraphQL operations: every `graphql(...)` (and `gql(...)`) template in src/ is validated against
// the server's schema.graphql and typed into src/gql/. `npm run codegen` writes them; `npm test` fails
// when an operation does not validate or src/gql/ is stale (`graphql-codegen --check`).
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  schema: "../schema.graphql",
  documents: ["src/**/*.{ts,tsx}", "!src/gql/**/*", "!src/**/*.test.ts"],
  pluckConfig: { globalGqlIdentifierName: ["graphql", "gql"] },
  ignoreNoDocuments: false,
  generates: {
    "src/gql/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: "string",
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypename: true,
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
        scalars: {
          DateTime: "string",
          JSONString: "string",
          JSON: "unknown",
          Int64: "number",
          Duration: "number",
        },
      },
    },
  },
};

export default config;
