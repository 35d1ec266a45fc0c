/**
 * Reads the version of the installed `classified` package for the plugin's `meta.version` (ESLint
 * uses it to key its cache). Walks up from this module because the source runs from
 * `src/eslint/` under vitest and from `dist/src/eslint/` when built.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Returns the `version` of the nearest `package.json` named `classified` above this module. */
export function readPackageVersion(): string {
  for (let directory = __dirname; ; directory = path.dirname(directory)) {
    const manifestPath = path.join(directory, 'package.json');
    if (fs.existsSync(manifestPath)) {
      const manifest: unknown = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
      if (isRecord(manifest) && manifest['name'] === 'classified' && typeof manifest['version'] === 'string') return manifest['version'];
    }
    if (path.dirname(directory) === directory) {
      throw new Error(`classified: cannot find the package root above ${__dirname} (broken installation)`);
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
