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
 * @param {string[]} args
 * @param {{ node?: string, env?: Record<string, string>, stdin?: string, timeoutMs?: number, cwd?: string }} [options]
 *   `cwd`: the folder the CLI runs in (relative paths resolve from it); this process's by default.
 * @returns {Promise<CliResult>}
 */
export function runCli(args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      options.node ?? process.execPath,
      [path.join(ROOT, 'dist/cli.js'), ...args],
      {
        // Only what a CI job would have: nothing of this process's environment leaks in.
        env: { PATH: process.env.PATH ?? '', ...options.env },
        stdio: ['pipe', 'pipe', 'pipe'],
        cwd: options.cwd,
        timeout: options.timeoutMs ?? 60_000
      }
    )
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', chunk => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', chunk => (stderr += chunk))
    child.on('error', reject)
    child.on('close', exitCode => resolve({ exitCode, stdout, stderr }))
    child.stdin.end(options.stdin ?? '')
  })
}
