// Preloaded into the electronegativity scan: its result must never depend on
// the network. It asks GitHub for Electron release notes and for
// translations; both are refused at once instead (it carries on without them).
const http = require('node:http');
const https = require('node:https');

function refuse() {
  throw new Error('The electronegativity check runs offline.');
}

for (const module of [http, https]) {
  module.request = refuse;
  module.get = refuse;
}
