#!/usr/bin/env node
// `npm start`: the UI built when its sources changed, then the server, run compiled
// (build/compile.mjs: compiled first when a source changed). Signals reach the server itself:
// nothing sits between.
import { compiled } from '../build/compile.mjs';

const { ensureUiBuilt } = await import(await compiled('ensure-ui'));
if (ensureUiBuilt() === 'built') console.log('UI built.');
await import(await compiled('main'));
