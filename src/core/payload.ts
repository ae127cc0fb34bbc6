// The payload sent to Refold: the user's inline JSON/YAML or payload file, and the GitHub context
// summary as github_context asks. Always a JSON object; anything else is an input error.
import { constants, type Stats } from 'node:fs'
import { open, type FileHandle } from 'node:fs/promises'
import * as path from 'node:path'
import { Inputs } from './names.js'
import type { InputName, Naming } from './naming.js'
import { InputError } from './errors.js'
import type { Settings } from './settings.js'
import { locateJsonError, positionOf } from './json-error.js'

export type Payload = Record<string, unknown>

/** The largest payload_file read; its size is checked before a byte of it is. */
export const MAX_PAYLOAD_FILE_BYTES = 10 * 1024 * 1024
/**
 * The deepest nesting a payload may have. Far beyond any real event, and far below the depth at
 * which JSON.stringify or the YAML parser run out of stack (about 850 levels for the parser).
 */
export const MAX_PAYLOAD_DEPTH = 256
/** Alias uses a YAML payload may expand (the yaml package's own default, made explicit). */
const MAX_YAML_ALIAS_COUNT = 100

export interface PayloadSources {
  /** Where a relative payload file is resolved from (the workspace on a runner). */
  baseDir: string
  /** The GitHub context summary, off GitHub an empty object; only called when wanted. */
  githubSummary: () => Promise<object>
  naming: Naming
}

export async function buildPayload(
  settings: Pick<Settings, 'payload' | 'githubContext'>,
  sources: PayloadSources
): Promise<Payload> {
  const user = await readUserPayload(settings.payload, sources)
  const { naming } = sources
  switch (settings.githubContext) {
    case 'never':
      return user ?? {}
    case 'auto':
      return user ?? { github: await sources.githubSummary() }
    case 'always':
      if (user && Object.hasOwn(user, 'github')) {
        throw new InputError(
          Inputs.GithubContext,
          `Invalid ${naming.setting(payloadInputName(settings.payload))} with ` +
            `${naming.setting(Inputs.GithubContext)} always: the payload already has a "github" ` +
            `key, which the GitHub context would replace. Rename the key or set ` +
            `${naming.setting(Inputs.GithubContext)} to never.`
        )
      }
      return { ...user, github: await sources.githubSummary() }
  }
}

function payloadInputName(source: Settings['payload']): InputName {
  return source.kind === 'file' ? Inputs.PayloadFile : Inputs.Payload
}

async function readUserPayload(
  source: Settings['payload'],
  { baseDir, naming }: Pick<PayloadSources, 'baseDir' | 'naming'>
): Promise<Payload | undefined> {
  if (source.kind === 'none') return undefined
  if (source.kind === 'value') {
    const where = { input: Inputs.Payload, what: `Invalid ${naming.setting(Inputs.Payload)}` }
    checkNesting(source.value, where)
    return asObject(source.value, where)
  }
  if (source.kind === 'inline') {
    const where = {
      input: Inputs.Payload,
      what: `Invalid ${naming.setting(Inputs.Payload)}: the value`
    }
    const looksLikeJson = /^\s*[{[]/.test(source.text)
    const value = looksLikeJson
      ? parseJson(source.text, where)
      : await parseYaml(source.text, where)
    return asObject(value, where)
  }

  const where = {
    input: Inputs.PayloadFile,
    what: `Invalid ${naming.setting(Inputs.PayloadFile)}: ${JSON.stringify(source.path)}`
  }
  const format = /\.json$/i.test(source.path) ? 'json' : /\.ya?ml$/i.test(source.path) ? 'yaml' : ''
  if (!format) {
    throw new InputError(where.input, `${where.what} is not a .json, .yml or .yaml file.`)
  }
  const text = await readBoundedFile(baseDir, source.path, where, naming)
  const value = format === 'json' ? parseJson(text, where) : await parseYaml(text, where)
  return asObject(value, where)
}

/**
 * The text of a regular file of at most MAX_PAYLOAD_FILE_BYTES (the payload file, the accounts
 * file), `relative` resolved from `baseDir`. Opened without blocking and checked through the open
 * handle, so a FIFO cannot hang the step waiting for a writer, a device such as /dev/zero is never
 * read, and the file checked is the file read.
 */
export async function readBoundedFile(
  baseDir: string,
  relative: string,
  { input, what }: Where,
  naming: Naming
): Promise<string> {
  let handle
  try {
    // O_NONBLOCK makes opening a FIFO return at once; Windows has neither, hence the fallback.
    handle = await open(
      path.resolve(baseDir, relative),
      constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)
    )
  } catch (error) {
    throw new InputError(input, `${what} cannot be read: ${describeFsError(error, naming)}.`)
  }
  try {
    const stats = await handle.stat()
    if (!stats.isFile()) {
      throw new InputError(
        input,
        `${what} is not a regular file (it is ${kindOf(stats)}); only regular files are read.`
      )
    }
    // The size stat gives is checked first; the read is bounded too, for files whose size stat
    // does not know (those under /proc say 0).
    const bytes =
      stats.size > MAX_PAYLOAD_FILE_BYTES
        ? undefined
        : await readAtMost(handle).catch((error: unknown) => {
            throw new InputError(
              input,
              `${what} cannot be read: ${describeFsError(error, naming)}.`
            )
          })
    if (!bytes) {
      throw new InputError(
        input,
        `${what} is larger than ${MAX_PAYLOAD_FILE_BYTES / 1024 / 1024} MiB, the most ${input === Inputs.PayloadFile ? 'a payload' : 'an accounts'} file may hold` +
          (stats.size > MAX_PAYLOAD_FILE_BYTES ? ` (it is ${stats.size} bytes).` : '.')
      )
    }
    const text = bytes.toString('utf8')
    // Editors on Windows start UTF-8 files with a byte-order mark; neither JSON nor the payload
    // wants it.
    return text.replace(/^\uFEFF/, '')
  } finally {
    await handle.close()
  }
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory'
  if (stats.isFIFO()) return 'a FIFO'
  // Sockets never get here: opening one fails with ENXIO.
  return 'a device'
}

/** The handle's bytes, or undefined as soon as there are more than MAX_PAYLOAD_FILE_BYTES. */
async function readAtMost(handle: FileHandle): Promise<Buffer | undefined> {
  const chunks: Buffer[] = []
  let total = 0
  for (;;) {
    const chunk = Buffer.alloc(256 * 1024)
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, null)
    if (bytesRead === 0) return Buffer.concat(chunks, total)
    total += bytesRead
    if (total > MAX_PAYLOAD_FILE_BYTES) return undefined
    chunks.push(chunk.subarray(0, bytesRead))
  }
}

/** Which setting a file or parse error is about, and how its message starts. */
export interface Where {
  input: InputName
  what: string
}

function parseJson(text: string, { input, what }: Where): unknown {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    const at = locateJsonError(text)
    // Our own words, from where the scanner stopped: V8's differ between Node versions and quote
    // the text back with ellipses.
    const found = at ? text.split('\n')[at.line - 1]?.[at.column - 1] : undefined
    const reason = !at
      ? String((error as Error).message).replace(/ in JSON at position \d+.*$/s, '')
      : found === undefined || found === '\r'
        ? 'the text ends too early'
        : `unexpected ${JSON.stringify(found)}`
    const where = at ? ` at line ${at.line}, column ${at.column}` : ''
    throw new InputError(
      input,
      `${what} is not valid JSON${where}: ${reason}.${at ? `\n${pointAt(text, at.line, at.column)}` : ''}`
    )
  }
  checkNesting(value, { input, what })
  return value
}

async function parseYaml(text: string, { input, what }: Where): Promise<unknown> {
  // Loaded here only: most payloads are JSON or absent, and start-up time is the step's time.
  const { parseDocument } = await import(/* webpackChunkName: "yaml" */ 'yaml')
  const document = parseDocument(text, { prettyErrors: false })
  const [first] = document.errors
  if (first?.code === 'RESOURCE_EXHAUSTION') {
    // The parser ran out of stack: nesting far deeper than MAX_PAYLOAD_DEPTH.
    throw new InputError(input, `${what} ${tooDeep}`)
  }
  if (first) {
    const offset = first.pos[0]
    const at = positionOf(text, offset)
    throw new InputError(
      input,
      `${what} is not valid YAML at line ${at.line}, column ${at.column}: ${first.message.split('\n')[0]}.` +
        `\n${pointAt(text, at.line, at.column)}`
    )
  }
  let value: unknown
  try {
    value = document.toJS({ maxAliasCount: MAX_YAML_ALIAS_COUNT })
  } catch (error) {
    // Aliases are resolved here, not while parsing: one without its anchor, or so many that they
    // would expand the payload exponentially (a "billion laughs" document).
    if (!(error instanceof ReferenceError)) throw error
    const reason = /resource exhaustion/i.test(error.message)
      ? `its aliases (*name) expand it too far: more than ${MAX_YAML_ALIAS_COUNT} uses of anchored values`
      : error.message.split('\n')[0]
    throw new InputError(input, `${what} is not accepted as YAML: ${reason}.`)
  }
  checkNesting(value, { input, what })
  return value
}

const tooDeep = `is nested more than ${MAX_PAYLOAD_DEPTH} levels deep, more than a payload may be.`

/**
 * Refuses a value nested deeper than MAX_PAYLOAD_DEPTH, or one that contains itself (a YAML
 * alias inside its own anchor): either would crash JSON.stringify later, outside the input errors.
 * The recursion stops at the limit, so it cannot overflow the stack itself.
 */
function checkNesting(value: unknown, { input, what }: Where): void {
  const ancestors = new Set<object>()
  const visit = (node: unknown, depth: number): void => {
    if (typeof node !== 'object' || node === null) return
    if (ancestors.has(node)) {
      throw new InputError(input, `${what} contains itself (an alias inside its own anchor).`)
    }
    if (depth > MAX_PAYLOAD_DEPTH) throw new InputError(input, `${what} ${tooDeep}`)
    ancestors.add(node)
    for (const child of Object.values(node)) visit(child, depth + 1)
    ancestors.delete(node)
  }
  visit(value, 1)
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

function describeFsError(error: unknown, naming: Naming): string {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOENT') return `no such file (paths are relative to ${naming.pathsRelativeTo})`
  if (code === 'EISDIR') return 'it is a directory'
  if (code === 'EACCES') return 'permission denied'
  if (code === 'ENXIO') return 'it is a socket, not a regular file'
  return code ?? String((error as Error).message)
}
