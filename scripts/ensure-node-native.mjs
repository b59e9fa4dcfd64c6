// Makes sure better-sqlite3 loads in this Node before tests or the benchmark
// run; after `npm start` or `npm run dist` it is built for Electron instead.
import { execSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { markBuiltForNode, projectRoot } from './native-abi.mjs';

const require = createRequire(import.meta.url);

function loads() {
  try {
    const Database = require('better-sqlite3');
    new Database(':memory:').close();
    return true;
  } catch (error) {
    if (
      !/NODE_MODULE_VERSION|was compiled against a different Node\.js version|invalid ELF|Could not locate the bindings/.test(
        String(error),
      )
    )
      throw error;
    return false;
  }
}

if (!loads()) {
  console.log(
    `better-sqlite3 is built for another runtime; rebuilding it for Node ${process.version} (a few minutes)…`,
  );
  execSync('npm rebuild better-sqlite3', { cwd: projectRoot, stdio: 'inherit' });
  markBuiltForNode();
  if (!loads()) {
    console.error('better-sqlite3 still does not load in Node after a rebuild. Run `npm ci` and try again.');
    process.exit(1);
  }
}
