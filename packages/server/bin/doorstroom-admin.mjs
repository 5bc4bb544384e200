#!/usr/bin/env node
// Installed from npm: dist/cli/admin.js with plain node. In the workspace: the TypeScript sources (see workspace-sources.mjs).
import { workspaceSources } from './workspace-sources.mjs';

if (await workspaceSources()) await import('../src/cli/admin.ts');
else await import('../dist/cli/admin.js');
