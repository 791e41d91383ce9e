#!/usr/bin/env node
// The administrators' command line, run compiled (build/compile.mjs: compiled first when a source changed).
import { compiled } from '../build/compile.mjs';

const { main } = await import(await compiled('cli'));
process.exitCode = await main(process.argv.slice(2));
