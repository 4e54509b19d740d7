#!/usr/bin/env node
// The `amtszeit` command: runs the TypeScript CLI through tsx's loader.
import { register } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
register('tsx/esm', pathToFileURL(join(root, 'package.json')));
await import(pathToFileURL(join(root, 'src', 'main.ts')).href);
