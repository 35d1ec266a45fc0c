/**
 * `classified/eslint`: the ESLint 9+/10 flat-config plugin. Exported with `export =` so the
 * compiled CommonJS module's `module.exports` is the plugin itself: `import classified from
 * 'classified/eslint'` in an ESM config and `require('classified/eslint')` both get it. Typed
 * loosely (see `compatible-types.ts`) so TypeScript configs accept it whichever config helper
 * they use.
 */
import type { CompatiblePlugin } from './compatible-types.js';
import { plugin } from './plugin.js';

const classified: CompatiblePlugin = plugin;

export = classified;
