// eslint.config.mjs — the classified policy rules, type-aware, on every TypeScript file.
// `classified.configs.recommended` sets the typescript-eslint parser with `projectService`, so
// each file is checked against the Program of its nearest tsconfig.json.
import classified from 'classified/eslint';

export default [
  { ignores: ['dist/**', 'coverage/**'] },
  ...classified.configs.recommended,
  // Optional: the policy config inline. Without it, classified.config.json next to the
  // tsconfig (or above it, up to the repository root) applies — the file the CLI reads.
  // { settings: { classified: { firstPartyHosts: ['api.example-shop.com'] } } },
];
