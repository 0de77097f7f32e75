#!/usr/bin/env node
// The `http-session` command: the CLI bundle built by `npm run build` (esbuild.mjs -> dist/cli.js).
require('../dist/cli.js');
