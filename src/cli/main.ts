// The command line's story of one run: argv → settings → the core's run → exit status. The only
// place that decides the CLI's exit code: 0 success, 1 Refold refused or a wait failed, 2 a usage
// or input error (nothing sent), 130/143 interrupted. The log goes to stderr; --json prints the
// outputs with their JSON types.
import { randomUUID } from 'node:crypto'
import * as path from 'node:path'
import { InputError } from '../core/errors.js'
import type { Naming } from '../core/naming.js'
import { failureMessage } from '../core/outputs.js'
import { systemClock, type Clock } from '../core/retry.js'
import { run as runRefold, type Outcome } from '../core/run.js'
import { readSettings, type Settings } from '../core/settings.js'
import { redact } from '../core/untrusted.js'
import { statusFor, type Cancellation } from '../cancel.js'
import { API_KEY_ENV, cliInputReader, flagFor, parseArgs, UsageError } from './args.js'
import { helpText, usageText, versionText } from './help.js'
import { jsonOutputs, withStdinPayload } from './io.js'

export interface CliIo {
  stdout: { write(text: string): unknown }
  stderr: { write(text: string): unknown }
  /** Read only for `--payload-file -`. */
  stdin: AsyncIterable<Buffer | string>
}

const ExitCode = { Ok: 0, Failed: 1, Usage: 2 } as const

export const cliNaming: Naming = {
  setting: flagFor,
  name: flagFor,
  pathsRelativeTo: 'the current directory',
  apiKeyHelp: `set the api key in the environment variable ${API_KEY_ENV}, or use --dry-run with named accounts.`
}

export async function run(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  io: CliIo,
  clock: Clock = systemClock,
  cancellation?: Cancellation
): Promise<number> {
  const apiKey = env[API_KEY_ENV]?.trim() ?? ''
  // Nothing printed may carry the key, even one pasted by mistake into a flag's value.
  const print = (line: string): unknown => io.stderr.write(`${redact(line, [apiKey])}\n`)
  const log = {
    info: print,
    notice: print,
    warning: (line: string) => print(`warning: ${line}`)
  }

  let parsed
  try {
    parsed = parseArgs(argv)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    print(`refold-trigger: ${error.message}`)
    return ExitCode.Usage
  }
  if (parsed.kind === 'usage') {
    io.stderr.write(usageText())
    return ExitCode.Usage
  }
  if (parsed.kind !== 'run') {
    io.stdout.write(parsed.kind === 'help' ? helpText() : versionText())
    return ExitCode.Ok
  }

  // One UUID per invocation: retries and accounts share it; passing it back with
  // --idempotency-key makes a re-run send the same keys.
  const uuid = randomUUID()
  let settings: Settings
  let outcome: Outcome
  try {
    const inputs = await withStdinPayload(parsed.inputs, io.stdin)
    settings = readSettings({ read: cliInputReader(inputs, apiKey) }, cliNaming)
    if (!settings.idempotencyKey && !settings.dryRun) {
      print(`Idempotency key: ${uuid} (pass --idempotency-key ${uuid} to send the same keys again)`)
    }
    outcome = await runRefold(settings, {
      clock,
      log,
      signal: cancellation?.signal,
      proxyEnv: env,
      naming: cliNaming,
      baseDir: process.cwd(),
      keyPrefix: uuid,
      tagPrefix: uuid,
      resultsFile: parsed.resultsFile
        ? { path: path.resolve(parsed.resultsFile), severalOnly: false }
        : undefined
    })
  } catch (error) {
    if (!(error instanceof InputError)) throw error
    print(`refold-trigger: ${error.message}`)
    return ExitCode.Usage
  }

  if (outcome.notice) print(outcome.notice)
  if (parsed.json) io.stdout.write(`${redact(JSON.stringify(jsonOutputs(outcome)), [apiKey])}\n`)

  const interrupted = cancellation?.received()
  const failure = failureMessage(outcome)
  if (interrupted) {
    print(`refold-trigger: ${failure ?? 'interrupted'}`)
    return statusFor(interrupted)
  }
  if (failure === undefined) return ExitCode.Ok
  if (!settings.failOnError) {
    log.warning(`${failure} (--no-fail-on-error, so the exit status is 0)`)
    return ExitCode.Ok
  }
  print(`refold-trigger: error: ${failure}`)
  return ExitCode.Failed
}
