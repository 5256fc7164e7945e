/**
 * Command line of `npm run bench`:
 *   --only <prefix>   run only operations whose name starts with the prefix (repeatable, or
 *                     comma-separated): `npm run bench -- --only startup`
 *   --runs <n>        samples per operation, for all of them (default: the operation's own
 *                     `runs`, else 5); the median is reported
 *   --no-build        benchmark the existing `out/renderer` instead of building first
 */
export function parseArgs(argv) {
  const options = { only: [], runs: undefined, build: true };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const [flag, inline] = arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      i += 1;
      if (i >= argv.length) throw new Error(`${flag} needs a value`);
      return argv[i];
    };
    if (flag === '--only') {
      options.only.push(
        ...value()
          .split(',')
          .map((prefix) => prefix.trim())
          .filter(Boolean),
      );
    } else if (flag === '--runs') {
      const runs = Number(value());
      if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a positive integer');
      options.runs = runs;
    } else if (flag === '--no-build') {
      options.build = false;
    } else {
      throw new Error(`Unknown option ${arg}. Options: --only <prefix>, --runs <n>, --no-build`);
    }
  }
  return options;
}

/** Whether an operation is selected by the `--only` prefixes (all are when none are given). */
export function selected(name, prefixes) {
  return prefixes.length === 0 || prefixes.some((prefix) => name.startsWith(prefix));
}
