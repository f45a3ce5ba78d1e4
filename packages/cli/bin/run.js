#!/usr/bin/env node
import { execute } from '../dist/run.mjs';

await execute({ dir: import.meta.url });
