// Holds the requests the fake Refold records to the project's JSON schemas of Refold's API
// (test/refold-api/), so a request the real service would refuse fails a test here first.
import { readFileSync } from 'node:fs'
import { Ajv2020 } from 'ajv/dist/2020.js'
import formats from 'ajv-formats'

/**
 * What the fake records of a request, reduced to what the schemas look at.
 * @typedef {object} WireRequest
 * @property {string} method
 * @property {string} path Without the query string.
 * @property {Record<string, string>} query
 * @property {Record<string, string | string[] | undefined>} headers Names lower-cased.
 * @property {string} body The raw body.
 * @property {unknown} json The body parsed, or undefined when it is not JSON.
 */

/**
 * @typedef {object} Operation
 * @property {string} name e.g. `list executions`
 * @property {string} method
 * @property {RegExp} path
 * @property {import('ajv').ValidateFunction} validate
 */

/** The schema files, one per operation the action calls, named as the summaries name them. */
const SCHEMA_FILES = {
  'trigger an event': 'trigger-event.json',
  'list events': 'list-events.json',
  'list executions': 'list-executions.json',
  'get an execution': 'get-execution.json',
  'list linked accounts': 'list-linked-accounts.json',
  'stop an execution': 'stop-execution.json'
}

/** What the schemas' patterns ask for, in words. @type {Record<string, string>} */
const PATTERN_MEANINGS = {
  '^[1-9][0-9]*$': 'is not a positive integer (the spec says integer)',
  '^application/json\\s*(;.*)?$': 'is not application/json'
}

const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true })
// ajv-formats is CommonJS; its function is both the module and its `default`.
formats.default(ajv, ['date-time'])

/** @type {Operation[]} */
export const OPERATIONS = Object.entries(SCHEMA_FILES).map(([name, file]) => {
  const schema = JSON.parse(readFileSync(new URL(`./refold-api/${file}`, import.meta.url), 'utf8'))
  // The route is read from the schema itself, so the file stays the one place that says it.
  return {
    name,
    method: schema.properties.method.const,
    path: new RegExp(schema.properties.path.pattern),
    validate: ajv.compile(schema)
  }
})

/**
 * The ways `request` departs from Refold's API, one readable line each; [] when it conforms.
 * @param {WireRequest} request
 * @returns {string[]}
 */
export function conformanceErrors(request) {
  const route = `${request.method} ${request.path}`
  const operation = OPERATIONS.find(
    op => op.method === request.method && op.path.test(request.path)
  )
  if (!operation) return [`${route}: no operation of Refold's API has this method and path`]

  const candidate = {
    method: request.method,
    path: request.path,
    headers: request.headers,
    query: request.query,
    // An empty body is no body; one that is not JSON is kept as text so the schema rejects it.
    ...(request.body === '' ? {} : { body: request.json ?? request.body })
  }
  if (operation.validate(candidate)) return []
  return (operation.validate.errors ?? []).map(
    error => `${route} (${operation.name}): ${describe(error)}`
  )
}

/**
 * Every problem of every request, each line starting with the request's position.
 * @param {WireRequest[]} requests
 * @returns {string[]}
 */
export function allConformanceErrors(requests) {
  return requests.flatMap((request, i) =>
    conformanceErrors(request).map(problem => `request ${i + 1}: ${problem}`)
  )
}

/**
 * Throws one error listing every problem, so a test names them all at once.
 * @param {WireRequest[]} requests
 */
export function assertConforming(requests) {
  const problems = allConformanceErrors(requests)
  if (problems.length > 0) {
    throw new Error(`Requests that Refold's API does not allow:\n${problems.join('\n')}`)
  }
}

/**
 * One ajv error as a sentence about the request, not about the schema.
 * @param {import('ajv').ErrorObject} error
 */
function describe(error) {
  const where = place(error.instancePath)
  const value = quote(error.instancePath, error.data)
  const params = /** @type {Record<string, unknown>} */ (error.params)
  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty)
      if (error.instancePath === '') return `the ${missing} is missing (or is not JSON)`
      return `${place(`${error.instancePath}/${missing}`)} is missing`
    }
    case 'additionalProperties': {
      const extra = String(params.additionalProperty)
      return `${place(`${error.instancePath}/${extra}`)} is not in the spec of this operation`
    }
    case 'format':
      return `${where} ${value} is not a ${params.format} (the spec says format: ${params.format})`
    case 'pattern':
      return `${where} ${value} ${PATTERN_MEANINGS[String(params.pattern)] ?? `does not match ${params.pattern}`}`
    case 'enum':
      return `${where} ${value} is not one of ${JSON.stringify(params.allowedValues)}`
    case 'const':
      return `${where} ${value} must be ${JSON.stringify(params.allowedValue)}`
    case 'type':
      return `${where} must be ${params.type === 'object' ? 'a JSON object' : `a ${params.type}`}, not ${kind(error.data)}`
    case 'minLength':
      return `${where} is empty`
    case 'not':
      return `${where} must not be sent`
    default:
      return `${where} ${error.message ?? 'does not conform'}`
  }
}

/** `/query/start_date` → `query parameter start_date`, and so on. */
function place(/** @type {string} */ instancePath) {
  const [part, ...rest] = instancePath.split('/').slice(1).map(unescapePointer)
  const name = rest.join('.')
  if (part === 'headers' && name) return `header ${name}`
  if (part === 'query' && name) return `query parameter ${name}`
  if (part === 'body' && name) return `body.${name}`
  return part ?? 'the request'
}

/** The value, quoted; never the api key's. */
function quote(/** @type {string} */ instancePath, /** @type {unknown} */ data) {
  if (instancePath === '/headers/x-api-key') return '(the api key)'
  const text = JSON.stringify(data) ?? String(data)
  return text.length > 80 ? `${text.slice(0, 77)}...` : text
}

function kind(/** @type {unknown} */ data) {
  if (data === null) return 'null'
  if (Array.isArray(data)) return 'an array'
  return typeof data === 'string' ? 'text' : `a ${typeof data}`
}

/** JSON Pointer escapes (RFC 6901). */
function unescapePointer(/** @type {string} */ segment) {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~')
}
