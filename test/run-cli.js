// Runs the bundled CLI (dist/cli.js) as a user's shell would: a child process with its own
// environment, optional standard input, and the exit status, stdout and stderr it leaves.
import { spawn } from 'node:child_process'
import * as path from 'node:path'
import { ROOT } from './run-action.js'

/**
 * @typedef {object} CliResult
 * @property {number | null} exitCode
 * @property {string} stdout
 * @property {string} stderr
 */

/**
 * @typedef {{ node?: string, env?: Record<string, string>, stdin?: string, timeoutMs?: number,
 *   cwd?: string }} CliOptions `cwd`: the folder the CLI runs in (relative paths resolve from it);
 *   this process's by default.
 */

/**
 * @param {string[]} args
 * @param {CliOptions} [options]
 * @returns {Promise<CliResult>}
 */
export function runCli(args, options = {}) {
  return startCli(args, options).done
}

/**
 * Starts the CLI and returns at once, so a test can signal it (Ctrl-C, a CI job cancelled).
 * @param {string[]} args
 * @param {CliOptions} [options]
 * @returns {{ child: import('node:child_process').ChildProcess, done: Promise<CliResult> }}
 */
export function startCli(args, options = {}) {
  const child = spawn(options.node ?? process.execPath, [path.join(ROOT, 'dist/cli.js'), ...args], {
    // Only what a CI job would have: nothing of this process's environment leaks in.
    env: { PATH: process.env.PATH ?? '', ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
    cwd: options.cwd,
    timeout: options.timeoutMs ?? 60_000
  })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', chunk => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', chunk => (stderr += chunk))
  /** @type {Promise<CliResult>} */
  const done = new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', exitCode => resolve({ exitCode, stdout, stderr }))
  })
  child.stdin.end(options.stdin ?? '')
  return { child, done }
}
