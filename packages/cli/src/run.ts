/** The entry bin/run.js loads: oclif's `execute`, from the bundle so start-up does not walk node_modules. */
export { execute } from '@oclif/core';
