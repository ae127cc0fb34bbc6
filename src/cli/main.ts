// The command line's story of one run: argv → settings → payload → fire (→ wait) → exit status.
// The only place that decides the CLI's exit code: 0 success, 1 Refold refused or a wait failed,
// 2 a usage or input error (nothing sent). The log goes to stderr; --json prints the outputs.
import { randomUUID } from 'node:crypto'
import { clientForRun } from '../core/client.js'
import { InputError } from '../core/errors.js'
import { fire } from '../core/fire.js'
import { Inputs } from '../core/names.js'
import { failureMessage, outcomeOutputs } from '../core/outputs.js'
import { buildPayload, MAX_PAYLOAD_FILE_BYTES } from '../core/payload.js'
import { systemClock, type Clock } from '../core/retry.js'
import { redact } from '../core/untrusted.js'
import { readSettings, type Settings } from '../core/settings.js'
import { API_KEY_ENV, cliInputReader, parseArgs, UsageError } from './args.js'
import { helpText, versionText } from './help.js'

export interface CliIo {
  stdout: { write(text: string): unknown }
  stderr: { write(text: string): unknown }
  /** Read only for `--payload-file -`. */
  stdin: AsyncIterable<Buffer | string>
}

const ExitCode = { Ok: 0, Failed: 1, Usage: 2 } as const

export async function run(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  io: CliIo,
  clock: Clock = systemClock
): Promise<number> {
  const apiKey = env[API_KEY_ENV]?.trim() ?? ''
  // Nothing printed may carry the key, even one pasted by mistake into a flag's value.
  const print = (line: string): unknown => io.stderr.write(`${redact(line, [apiKey])}\n`)
  const log = {
    info: print,
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
  if (parsed.kind !== 'run') {
    io.stdout.write(parsed.kind === 'help' ? helpText() : versionText())
    return ExitCode.Ok
  }

  let settings: Settings
  let payloadJson: string
  try {
    const read = cliInputReader(parsed.inputs, apiKey)
    settings = readSettings({ getInput: read, setSecret: () => {}, debug: () => {} })
    if (settings.payload.kind === 'file' && settings.payload.path === '-') {
      const text = await readAll(io.stdin)
      settings.payload = text.trim() ? { kind: 'inline', text } : { kind: 'none' }
    }
    const payload = await buildPayload(settings, {
      workspace: process.cwd(),
      githubSummary: async () => ({})
    })
    payloadJson = JSON.stringify(payload)
  } catch (error) {
    if (!(error instanceof InputError)) throw error
    print(`refold-trigger: ${cliInputMessage(error, apiKey)}`)
    return ExitCode.Usage
  }

  const client = clientForRun(settings, { proxyEnv: env, clock, onRetry: log.warning })
  // One UUID per invocation: retries and accounts share it, another invocation gets another.
  const outcome = await fire(settings, payloadJson, { client, clock, log, keyBase: randomUUID() })

  if (outcome.printedRequest) {
    print(`Dry run: this request would be sent (nothing was sent):\n${outcome.printedRequest}`)
  }
  if (outcome.notice) print(outcome.notice)
  if (parsed.json) io.stdout.write(`${redact(JSON.stringify(outcomeOutputs(outcome)), [apiKey])}\n`)

  const failure = failureMessage(outcome)
  if (failure === undefined) return ExitCode.Ok
  if (!settings.failOnError) {
    log.warning(`${failure} (--no-fail-on-error, so the exit status is 0)`)
    return ExitCode.Ok
  }
  print(`refold-trigger: error: ${failure}`)
  return ExitCode.Failed
}

/** The action's messages name its input; on the command line the key comes from the environment. */
function cliInputMessage(error: InputError, apiKey: string): string {
  if (error.input === Inputs.ApiKey && !apiKey) {
    return `Missing ${API_KEY_ENV}: set the api key in the environment variable ${API_KEY_ENV}, or use --dry-run with named accounts.`
  }
  return error.message
}

/** Standard input, bounded like a payload file. */
async function readAll(stream: AsyncIterable<Buffer | string>): Promise<string> {
  const chunks: Buffer[] = []
  let bytes = 0
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk)
    bytes += buffer.length
    if (bytes > MAX_PAYLOAD_FILE_BYTES) {
      throw new InputError(
        Inputs.PayloadFile,
        `Invalid input '${Inputs.PayloadFile}': standard input holds more than ${MAX_PAYLOAD_FILE_BYTES / 1024 / 1024} MiB, the most a payload may be.`
      )
    }
    chunks.push(buffer)
  }
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
}
