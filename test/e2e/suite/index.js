// Entry point of the extension-host suite (what --extensionTestsPath names): VS Code requires this module in
// the extension host and awaits run(). Same shape as for @vscode/test-electron.
'use strict';
const fs = require('fs');
const path = require('path');
const Mocha = require('mocha');

exports.run = function run() {
  // One test may wait for the server's first start on a 2-core machine; polls inside have their own limits.
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  for (const f of fs
    .readdirSync(__dirname)
    .filter((n) => n.endsWith('.test.js'))
    .sort()) {
    mocha.addFile(path.join(__dirname, f));
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
  });
};
