#!/usr/bin/env node
// Installed from npm: dist/cli/conformance.js with plain node. In the workspace: the TypeScript sources (see workspace-sources.mjs).
import { workspaceSources } from './workspace-sources.mjs';

if (await workspaceSources()) await import('../src/cli/conformance.ts');
else await import('../dist/cli/conformance.js');
