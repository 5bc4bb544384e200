#!/usr/bin/env node
// Runs the TypeScript sources through tsx (the package ships its sources).
import './workspace-sources.mjs';
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/admin.ts');
