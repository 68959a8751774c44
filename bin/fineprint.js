#!/usr/bin/env node
// The operator CLI. Runs the TypeScript sources through SWC (no build step).
const path = require('node:path');
process.chdir(path.join(__dirname, '..'));
process.env.SWC_NODE_PROJECT ??= path.join(__dirname, '..', 'tsconfig.json');
require('@swc-node/register');
require('reflect-metadata');
require('../apps/cli/src/main.ts');
