/**
 * Runs one Node ES module as if it were the program (argv after `--`), then prints its peak RSS and CPU time on
 * stderr as a last line `MEASURE {"maxRssKb":…,"userMs":…,"systemMs":…}`. bench/import.mjs starts the CLI through it.
 *
 *   node bench/measure.mjs <module> -- <args…>
 */
import { pathToFileURL } from 'node:url';

const [, , module, separator, ...args] = process.argv;
if (!module || separator !== '--') {
  console.error('usage: node bench/measure.mjs <module> -- <args…>');
  process.exit(2);
}
process.argv = [process.argv[0], module, ...args];
process.on('exit', () => {
  const usage = process.resourceUsage();
  process.stderr.write(
    `\nMEASURE ${JSON.stringify({ maxRssKb: usage.maxRSS, userMs: usage.userCPUTime / 1000, systemMs: usage.systemCPUTime / 1000 })}\n`,
  );
});
await import(pathToFileURL(module).href);
