/**
 * Where the installed `classified` package lives and its version: the config schema ships in it,
 * ESLint keys its cache on the plugin version, SARIF names the tool version, and a command that
 * needs an optional peer dependency names the version range to install. Walks up from this
 * module because the source runs from `src/` under vitest and from `dist/src/` when built.
 */
import fs from 'node:fs';
import path from 'node:path';

interface PackageManifest {
  readonly root: string;
  readonly version: string;
  readonly peerDependencies: Readonly<Record<string, string>>;
}

let manifest: PackageManifest | undefined;

/** The folder of the nearest `package.json` named `classified` above this module. */
export function getPackageRoot(): string {
  return readManifest().root;
}

export function getPackageVersion(): string {
  return readManifest().version;
}

/** The version range `package.json` declares for the peer dependency `name`, if it declares one. */
export function getPeerDependencyRange(name: string): string | undefined {
  return readManifest().peerDependencies[name];
}

function readManifest(): PackageManifest {
  // the installation does not change while the process runs: read it once
  if (manifest !== undefined) return manifest;
  for (let directory = __dirname; ; directory = path.dirname(directory)) {
    const manifestPath = path.join(directory, 'package.json');
    if (fs.existsSync(manifestPath)) {
      const parsed: unknown = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
      if (typeof parsed === 'object' && parsed !== null && (parsed as { name?: unknown }).name === 'classified') {
        const { version, peerDependencies } = parsed as { version?: unknown; peerDependencies?: unknown };
        manifest = {
          root: directory,
          version: typeof version === 'string' ? version : '0.0.0',
          peerDependencies: isStringRecord(peerDependencies) ? peerDependencies : {},
        };
        return manifest;
      }
    }
    if (path.dirname(directory) === directory) {
      throw new Error(`classified: cannot find the package root above ${__dirname} (broken installation)`);
    }
  }
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return typeof value === 'object' && value !== null && Object.values(value).every((entry) => typeof entry === 'string');
}
