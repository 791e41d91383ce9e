#!/usr/bin/env node
// The administrators' command line. TypeScript sources run through tsx's loader, as `npm start` does.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
