// The payload sent to Refold: the user's inline JSON/YAML or payload file, and the GitHub context
// summary as github_context asks. Always a JSON object; anything else is an input error.
import { readFile } from 'node:fs/promises'
import * as path from 'node:path'
import { Inputs } from './names.js'
import { InputError } from './errors.js'
import type { Settings } from './settings.js'
import { locateJsonError, positionOf } from './json-error.js'

export type Payload = Record<string, unknown>

export interface PayloadSources {
  /** Where payload_file is resolved from (GITHUB_WORKSPACE on a runner). */
  workspace: string
  /** The GitHub context summary; only called when github_context wants it. */
  githubSummary: () => Promise<object>
}

export async function buildPayload(
  settings: Pick<Settings, 'payload' | 'githubContext'>,
  sources: PayloadSources
): Promise<Payload> {
  const user = await readUserPayload(settings.payload, sources.workspace)
  switch (settings.githubContext) {
    case 'never':
      return user ?? {}
    case 'auto':
      return user ?? { github: await sources.githubSummary() }
    case 'always':
      if (user && Object.hasOwn(user, 'github')) {
        throw new InputError(
          Inputs.GithubContext,
          `Invalid inputs '${payloadInputName(settings.payload)}' and '${Inputs.GithubContext}': ` +
            `the payload already has a "github" key, which github_context: always would replace. ` +
            `Rename the key or set github_context: never.`
        )
      }
      return { ...user, github: await sources.githubSummary() }
  }
}

function payloadInputName(source: Settings['payload']): string {
  return source.kind === 'file' ? Inputs.PayloadFile : Inputs.Payload
}

async function readUserPayload(
  source: Settings['payload'],
  workspace: string
): Promise<Payload | undefined> {
  if (source.kind === 'none') return undefined
  if (source.kind === 'inline') {
    const where = { input: Inputs.Payload, what: `Invalid input '${Inputs.Payload}': the value` }
    const looksLikeJson = /^\s*[{[]/.test(source.text)
    const value = looksLikeJson
      ? parseJson(source.text, where)
      : await parseYaml(source.text, where)
    return asObject(value, where)
  }

  const where = {
    input: Inputs.PayloadFile,
    what: `Invalid input '${Inputs.PayloadFile}': ${JSON.stringify(source.path)}`
  }
  const format = /\.json$/i.test(source.path) ? 'json' : /\.ya?ml$/i.test(source.path) ? 'yaml' : ''
  if (!format) {
    throw new InputError(where.input, `${where.what} is not a .json, .yml or .yaml file.`)
  }
  let text: string
  try {
    text = await readFile(path.resolve(workspace, source.path), 'utf8')
  } catch (error) {
    throw new InputError(where.input, `${where.what} cannot be read: ${describeFsError(error)}.`)
  }
  const value = format === 'json' ? parseJson(text, where) : await parseYaml(text, where)
  return asObject(value, where)
}

/** Which input a parse error is about, and how its message starts. */
interface Where {
  input: string
  what: string
}

function parseJson(text: string, { input, what }: Where): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    const at = locateJsonError(text)
    // V8's own reason, without its "at position N" that we replace with a line and column.
    const reason = String((error as Error).message)
      .replace(/,? ?".*" is not valid JSON$/s, '')
      .replace(/ in JSON at position \d+.*$/s, '')
    const where = at ? ` at line ${at.line}, column ${at.column}` : ''
    throw new InputError(
      input,
      `${what} is not valid JSON${where}: ${reason}.${at ? `\n${pointAt(text, at.line, at.column)}` : ''}`
    )
  }
}

async function parseYaml(text: string, { input, what }: Where): Promise<unknown> {
  // Loaded here only: most payloads are JSON or absent, and start-up time is the step's time.
  const { parseDocument } = await import(/* webpackChunkName: "yaml" */ 'yaml')
  const document = parseDocument(text, { prettyErrors: false })
  const [first] = document.errors
  if (first) {
    const offset = first.pos[0]
    const at = positionOf(text, offset)
    throw new InputError(
      input,
      `${what} is not valid YAML at line ${at.line}, column ${at.column}: ${first.message.split('\n')[0]}.` +
        `\n${pointAt(text, at.line, at.column)}`
    )
  }
  return document.toJS()
}

/** The offending line and a caret under the column, so the author sees what we saw. */
function pointAt(text: string, line: number, column: number): string {
  const source = (text.split('\n')[line - 1] ?? '').replace(/\r$/, '')
  const start = Math.max(0, column - 60)
  const shown = source.slice(start, start + 120)
  return `  ${shown}\n  ${' '.repeat(Math.max(0, column - 1 - start))}^`
}

function asObject(value: unknown, { input, what }: Where): Payload {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Payload
  const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`
  throw new InputError(input, `${what} is ${kind}, but the payload must be an object ({...}).`)
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOENT') return 'no such file (paths are relative to GITHUB_WORKSPACE)'
  if (code === 'EISDIR') return 'it is a directory'
  if (code === 'EACCES') return 'permission denied'
  return code ?? String((error as Error).message)
}
