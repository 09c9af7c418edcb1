#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader, so the installed command and `npm run cli` share one code path.
import { register } from 'tsx/esm/api';

register();
await import('../cli/main.ts');
