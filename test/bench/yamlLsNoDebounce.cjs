// Preloaded into the yaml-language-server process by the bench (`node --require <this file> …/yaml-language-server
// --stdio`), never into ours. yaml-language-server waits `validationDelayMs` (200 ms, set in the constructor of
// its SettingsState, not a setting a client can change) after each change before it validates. To measure its
// best case we make that delay 0: an accessor on the class's prototype that always reads 0 and ignores the
// constructor's assignment. Nothing on disk is edited; the patch lives only in that one process.
'use strict';
// eslint-disable-next-line @typescript-eslint/unbound-method -- node:path's functions do not use `this`
const { join, dirname } = require('node:path');

const packageDir = dirname(require.resolve('yaml-language-server/package.json'));
const { SettingsState } = require(join(packageDir, 'out', 'server', 'src', 'yamlSettings.js'));
if (typeof SettingsState !== 'function')
  throw new Error('yaml-language-server: SettingsState not found; the debounce patch needs updating');
Object.defineProperty(SettingsState.prototype, 'validationDelayMs', {
  configurable: true,
  get() {
    return 0;
  },
  set() {
    /* the constructor's 200 ms is ignored */
  },
});
