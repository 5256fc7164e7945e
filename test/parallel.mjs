/**
 * Runs npm scripts side by side and fails when any of them fails:
 * `node test/parallel.mjs typecheck lint`. The type checker and the linters are each
 * single-threaded, so on a machine with two cores or more this takes the time of the longest
 * instead of the sum. Each script's output is held and printed whole when it ends, so the
 * outputs do not interleave.
 */
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';

const scripts = process.argv.slice(2);
if (scripts.length === 0) {
  console.error('usage: node test/parallel.mjs <npm script> [<npm script> …]');
  process.exit(2);
}

function run(script) {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', script], {
      // npm is a .cmd file on Windows, which only a shell can start.
      shell: process.platform === 'win32',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('error', (error) => {
      output.push(Buffer.from(`${error.message}\n`));
      resolve({ script, code: 1, output });
    });
    child.on('close', (code) => resolve({ script, code: code ?? 1, output }));
  });
}

const results = await Promise.all(
  scripts.map(async (script) => {
    const result = await run(script);
    process.stdout.write(Buffer.concat(result.output));
    return result;
  }),
);
const failed = results.filter((result) => result.code !== 0);
for (const { script, code } of failed) console.error(`npm run ${script} failed (exit ${code})`);
process.exit(failed.length > 0 ? 1 : 0);
