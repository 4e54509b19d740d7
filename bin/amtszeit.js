#!/usr/bin/env node
// The `amtszeit` command: registers tsx's loader, then runs the TypeScript CLI.
import { register } from 'tsx/esm/api';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

register();
const root = dirname(dirname(fileURLToPath(import.meta.url)));
await import(pathToFileURL(join(root, 'src', 'main.ts')).href);
