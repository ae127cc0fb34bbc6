// A fake Refold API on 127.0.0.1: the three routes the action calls (trigger an event, list events,
// list executions), with scriptable failures. Shared by the end-to-end tests, demo and benchmark.
import { randomBytes } from 'node:crypto'
import { once } from 'node:events'
import { createServer } from 'node:http'
import { pathToFileURL } from 'node:url'

/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').ServerResponse} ServerResponse */

/** @typedef {'trigger' | 'events' | 'executions'} Route */

/**
 * An event configured in Refold, as the events list returns it.
 * @typedef {object} RefoldEvent
 * @property {string} _id
 * @property {string} name Matched case-sensitively against a trigger's `event`.
 * @property {unknown} [response]
 */

/**
 * @typedef {object} WorkflowStep
 * @property {string} status e.g. `RUNNING`, `COMPLETED`, `ERRORED`, `TIMED_OUT`.
 * @property {number} afterMs When the execution reaches this status, counted from the trigger.
 */

/**
 * A workflow run once for every accepted trigger of its event.
 * @typedef {object} FakeWorkflow
 * @property {string} name
 * @property {string} [_id] Generated when omitted.
 * @property {string} [slug] The app it belongs to; without one, the trigger's `slug` header is
 *   used.
 * @property {WorkflowStep[]} steps An execution is listed from its first step's `afterMs` on, so
 *   a first step later than 0 imitates Refold's delay in starting workflows. It is finished (and
 *   has a `completion_time`) once the last step is reached.
 */

/**
 * An execution doc as the executions list returns it.
 * @typedef {object} Execution
 * @property {string} _id
 * @property {string} name
 * @property {string} status
 * @property {string} associated_event_id
 * @property {string} [custom_trigger_id]
 * @property {{ _id: string, name: string }} associated_workflow
 * @property {string} linked_account_id
 * @property {string} [config_id]
 * @property {string} [slug]
 * @property {string} createdAt ISO timestamp.
 * @property {string} updatedAt ISO timestamp.
 * @property {string} [completion_time] ISO timestamp of the last step, once reached.
 */

/**
 * The executions list's answer (mongoose-paginate style).
 * @typedef {object} ExecutionPage
 * @property {Execution[]} docs
 * @property {number} totalDocs
 * @property {number} limit
 * @property {number} page
 * @property {number} totalPages
 * @property {boolean} hasNextPage
 * @property {boolean} hasPrevPage
 * @property {number | null} nextPage
 * @property {number | null} prevPage
 * @property {number} pagingCounter
 */

/**
 * @typedef {object} RecordedRequest
 * @property {string} method
 * @property {string} path Without the query string.
 * @property {Record<string, string>} query
 * @property {import('node:http').IncomingHttpHeaders} headers Names lower-cased.
 * @property {string} body The raw body.
 * @property {unknown} json The body parsed, or undefined when it is not JSON.
 * @property {number} at Arrival time, ms since the epoch.
 */

/**
 * One answer queued for a route. With neither `status` nor `body`, the route answers as usual
 * (after `delayMs`, with `headers` added).
 * @typedef {object} ScriptedResponse
 * @property {number} [status] Default 200. A 2xx for `trigger` starts executions as an accepted
 *   trigger does.
 * @property {string | object} [body] An object is sent as JSON.
 * @property {Record<string, string>} [headers]
 * @property {number} [delayMs] Wait this long before answering (or dropping).
 * @property {true} [drop] Destroy the socket without answering.
 * @property {true} [hang] Never answer; `close()` cleans the socket up.
 */

/**
 * @typedef {object} FakeRefoldOptions
 * @property {string[]} [apiKeys] The valid `x-api-key` values. Default `[DEFAULT_API_KEY]`.
 * @property {RefoldEvent[]} [events] Default `DEFAULT_EVENTS`.
 * @property {Record<string, FakeWorkflow[]>} [workflows] By event name. Default
 *   `DEFAULT_WORKFLOWS`.
 * @property {Execution[]} [executions] Pre-existing executions, listed as they are.
 * @property {number} [port] Default 0 (ephemeral). The fake listens on 127.0.0.1 only.
 */

/**
 * @typedef {object} FakeRefold
 * @property {string} url `http://127.0.0.1:<port>`, no trailing slash.
 * @property {RecordedRequest[]} requests Every request, in order.
 * @property {() => RecordedRequest[]} triggers The `POST /api/v2/public/event` requests.
 * @property {(route: Route, ...responses: ScriptedResponse[]) => void} script Queue answers for the
 *   route's next requests, each used once and in order before the usual behaviour resumes.
 * @property {() => Execution[]} executions Every listed execution, with its current status.
 * @property {() => Promise<void>} close Stop listening and destroy every open socket, hung ones
 *   included. Calling it again is harmless.
 */

/**
 * @typedef {object} Answer
 * @property {number} status
 * @property {unknown} body
 */

/**
 * An execution started by a trigger; its status and timestamps are computed when read.
 * @typedef {object} Run
 * @property {Omit<Execution, 'status' | 'updatedAt' | 'completion_time'>} doc
 * @property {WorkflowStep[]} steps
 * @property {number} startedAt
 */

export const DEFAULT_API_KEY = 'pk_test_fake_key_123'

/** @type {RefoldEvent[]} */
export const DEFAULT_EVENTS = [
  { _id: '66a1f0c2e4b0a1b2c3d4e501', name: 'Release Published' },
  { _id: '66a1f0c2e4b0a1b2c3d4e502', name: 'Deployment Finished' },
  { _id: '66a1f0c2e4b0a1b2c3d4e503', name: 'Incident Opened' }
]

/** @type {Record<string, FakeWorkflow[]>} */
export const DEFAULT_WORKFLOWS = {
  'Release Published': [
    {
      name: 'Post release notes to Slack',
      slug: 'slack',
      steps: [
        { status: 'RUNNING', afterMs: 0 },
        { status: 'COMPLETED', afterMs: 1500 }
      ]
    }
  ],
  'Deployment Finished': [
    {
      name: 'Update Jira issues',
      slug: 'jira',
      steps: [
        { status: 'RUNNING', afterMs: 0 },
        { status: 'COMPLETED', afterMs: 2500 }
      ]
    }
  ]
}

const PATHS = {
  trigger: '/api/v2/public/event',
  events: '/api/v2/public/application/event',
  executions: '/api/v2/public/execution'
}

/** @type {Map<string, Route>} */
const ROUTES = new Map([
  [`POST ${PATHS.trigger}`, 'trigger'],
  [`GET ${PATHS.events}`, 'events'],
  [`GET ${PATHS.executions}`, 'executions']
])

/** @type {Answer} */
const INVALID_CREDENTIALS = refoldError(401, 'UNAUTHORIZED', 'SERVER_ERROR', 'Invalid Credentials')
/** @type {Answer} */
const TRIGGER_NOT_FOUND = refoldError(404, 'NOT_FOUND', 'INVALID_EVENT', 'Trigger not found')
/** @type {Answer} */
const LINKED_ACCOUNT_REQUIRED = badRequest('linked_account_id header is required')

/**
 * @param {FakeRefoldOptions} [options]
 * @returns {Promise<FakeRefold>}
 */
export async function startFakeRefold(options = {}) {
  const apiKeys = new Set(options.apiKeys ?? [DEFAULT_API_KEY])
  const events = options.events ?? DEFAULT_EVENTS
  const workflows = withIds(options.workflows ?? DEFAULT_WORKFLOWS)
  const seededExecutions = [...(options.executions ?? [])]
  /** @type {Run[]} */
  const runs = []
  /** @type {RecordedRequest[]} */
  const requests = []
  /** @type {Record<Route, ScriptedResponse[]>} */
  const scripts = { trigger: [], events: [], executions: [] }

  /** @type {Record<Route, (request: RecordedRequest) => Answer>} */
  const answers = {
    trigger(request) {
      if (!hasValidKey(request)) return INVALID_CREDENTIALS
      if (!header(request, 'linked_account_id')) return LINKED_ACCOUNT_REQUIRED
      // Refold parses only bodies declared as JSON; any other body reaches it as if empty.
      const body = isDeclaredJson(request) ? request.json : {}
      if (body === undefined) return badRequest('Invalid JSON body')
      const eventName = eventNameOf(body)
      if (eventName === undefined) return badRequest('event is required')
      const event = eventNamed(eventName)
      if (!event) return TRIGGER_NOT_FOUND
      startRuns(event, request)
      return { status: 200, body: { message: 'Webhook Fired Success' } }
    },

    events(request) {
      return hasValidKey(request) ? { status: 200, body: events } : INVALID_CREDENTIALS
    },

    executions(request) {
      if (!hasValidKey(request)) return INVALID_CREDENTIALS
      const linkedAccountId = header(request, 'linked_account_id')
      if (!linkedAccountId) return LINKED_ACCOUNT_REQUIRED
      // execution_source is not read: every execution here comes from an event.
      const { query } = request
      const page = positiveInteger(query.page, 1)
      const limit = positiveInteger(query.limit, 10)
      if (page === undefined || limit === undefined) {
        return badRequest('page and limit must be positive integers')
      }
      const since = query.start_date === undefined ? -Infinity : startOfUtcDay(query.start_date)
      if (Number.isNaN(since)) return badRequest('start_date must be a date (YYYY-MM-DD)')
      const slugs = query.slug?.split(',').map(s => s.trim())
      const direction = query.sortAsc === 'true' ? 1 : -1
      const matching = currentExecutions()
        .filter(doc => doc.linked_account_id === linkedAccountId)
        .filter(doc => Date.parse(doc.createdAt) >= since)
        .filter(doc => !slugs || (doc.slug !== undefined && slugs.includes(doc.slug)))
        .sort((a, b) => direction * (Date.parse(a.createdAt) - Date.parse(b.createdAt)))
      return { status: 200, body: paginate(matching, page, limit) }
    }
  }

  /** @param {RecordedRequest} request */
  function hasValidKey(request) {
    return apiKeys.has(header(request, 'x-api-key') ?? '')
  }

  /** @param {string | undefined} name */
  function eventNamed(name) {
    return events.find(event => event.name === name)
  }

  /**
   * @param {RefoldEvent} event
   * @param {RecordedRequest} request
   */
  function startRuns(event, request) {
    const startedAt = Date.now()
    const requestedSlug = header(request, 'slug')
    const configId = header(request, 'config_id')
    for (const workflow of workflows[event.name] ?? []) {
      const slug = workflow.slug ?? requestedSlug
      if (requestedSlug && slug !== requestedSlug) continue
      /** @type {Run['doc']} */
      const doc = {
        _id: objectId(),
        name: `Execution for workflow ${workflow._id}`,
        associated_event_id: event._id,
        associated_workflow: { _id: workflow._id, name: workflow.name },
        linked_account_id: header(request, 'linked_account_id') ?? '',
        createdAt: new Date(startedAt).toISOString()
      }
      if (configId) doc.config_id = configId
      if (slug) doc.slug = slug
      runs.push({ doc, steps: workflow.steps, startedAt })
    }
  }

  function currentExecutions() {
    const now = Date.now()
    return [...seededExecutions, ...runs.flatMap(run => executionAt(run, now) ?? [])]
  }

  /**
   * @param {IncomingMessage} req
   * @param {ServerResponse} res
   */
  async function handle(req, res) {
    const at = Date.now()
    const body = await readBody(req)
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    /** @type {RecordedRequest} */
    const request = {
      method: req.method ?? '',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body,
      json: parseJson(body),
      at
    }
    requests.push(request)

    const route = ROUTES.get(`${request.method} ${request.path}`)
    if (!route) {
      const message = `Cannot ${request.method} ${request.path}`
      return send(res, refoldError(404, 'NOT_FOUND', 'NOT_FOUND', message))
    }
    const scripted = scripts[route].shift()
    if (!scripted) return send(res, answers[route](request))

    if (scripted.hang) return
    if (scripted.delayMs && !(await wait(scripted.delayMs, res))) return
    if (scripted.drop) return void req.socket.destroy()
    if (scripted.status === undefined && scripted.body === undefined) {
      return send(res, answers[route](request), scripted.headers)
    }
    const status = scripted.status ?? 200
    if (route === 'trigger' && status >= 200 && status < 300) {
      const event = eventNamed(eventNameOf(request.json))
      if (event) startRuns(event, request)
    }
    send(res, { status, body: scripted.body }, scripted.headers)
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(error => {
      // Either the client left mid-request, or the fake has a bug: report that rather than
      // disguise it as a network failure.
      if (res.headersSent || res.destroyed) res.destroy()
      else send(res, { status: 500, body: { message: String(error) } })
    })
  })
  server.listen(options.port ?? 0, '127.0.0.1')
  await once(server, 'listening')
  const address = /** @type {import('node:net').AddressInfo} */ (server.address())

  return {
    url: `http://127.0.0.1:${address.port}`,
    requests,
    triggers: () => requests.filter(r => r.method === 'POST' && r.path === PATHS.trigger),
    script(route, ...responses) {
      scripts[route].push(...responses)
    },
    executions: currentExecutions,
    async close() {
      await new Promise(resolve => {
        // The "not running" error of a second call is ignored: closing twice is harmless.
        server.close(() => resolve(undefined))
        server.closeAllConnections()
      })
    }
  }
}

/**
 * @param {Run} run
 * @param {number} now
 * @returns {Execution | undefined} undefined until the first step is reached
 */
function executionAt(run, now) {
  const elapsed = now - run.startedAt
  const step = run.steps.filter(s => s.afterMs <= elapsed).at(-1)
  if (!step) return undefined
  const reachedAt = new Date(run.startedAt + step.afterMs).toISOString()
  /** @type {Execution} */
  const execution = { ...run.doc, status: step.status, updatedAt: reachedAt }
  if (step === run.steps.at(-1)) execution.completion_time = reachedAt
  return execution
}

/**
 * @param {Execution[]} docs
 * @param {number} page
 * @param {number} limit
 * @returns {ExecutionPage}
 */
function paginate(docs, page, limit) {
  const totalPages = Math.ceil(docs.length / limit) || 1
  const hasPrevPage = page > 1
  const hasNextPage = page < totalPages
  return {
    docs: docs.slice((page - 1) * limit, page * limit),
    totalDocs: docs.length,
    limit,
    page,
    totalPages,
    hasNextPage,
    hasPrevPage,
    nextPage: hasNextPage ? page + 1 : null,
    prevPage: hasPrevPage ? page - 1 : null,
    pagingCounter: (page - 1) * limit + 1
  }
}

/**
 * @param {Record<string, FakeWorkflow[]>} workflows
 * @returns {Record<string, Array<FakeWorkflow & { _id: string }>>}
 */
function withIds(workflows) {
  return Object.fromEntries(
    Object.entries(workflows).map(([eventName, list]) => [
      eventName,
      list.map(workflow => ({ ...workflow, _id: workflow._id ?? objectId() }))
    ])
  )
}

/**
 * Sends `answer.body` as JSON, unless it is a string (sent as is) or undefined (empty body).
 * @param {ServerResponse} res
 * @param {Answer} answer
 * @param {Record<string, string>} [headers] Added to, and overriding, the defaults.
 */
function send(res, answer, headers = {}) {
  const { status, body } = answer
  const isText = body === undefined || typeof body === 'string'
  const text = isText ? (body ?? '') : JSON.stringify(body)
  if (!isText) res.setHeader('content-type', 'application/json; charset=utf-8')
  res.setHeader('content-length', Buffer.byteLength(text))
  res.writeHead(status, headers)
  res.end(text)
}

/**
 * Resolves true after `ms`, or false as soon as the connection closes.
 * @param {number} ms
 * @param {ServerResponse} res
 * @returns {Promise<boolean>}
 */
function wait(ms, res) {
  return new Promise(resolve => {
    const onClose = () => {
      clearTimeout(timer)
      resolve(false)
    }
    const timer = setTimeout(() => {
      res.off('close', onClose)
      resolve(true)
    }, ms)
    res.once('close', onClose)
  })
}

/**
 * @param {number} status
 * @param {string} httpErrorType
 * @param {string} errorCode
 * @param {string} message
 * @returns {Answer}
 */
function refoldError(status, httpErrorType, errorCode, message) {
  return {
    status,
    body: { status_code: status, http_error_type: httpErrorType, error_code: errorCode, message }
  }
}

/** @param {string} message */
function badRequest(message) {
  return refoldError(400, 'BAD_REQUEST', 'INVALID_REQUEST', message)
}

/**
 * @param {RecordedRequest} request
 * @param {string} name lower-case
 */
function header(request, name) {
  const value = request.headers[name]
  return Array.isArray(value) ? value[0] : value
}

/** @param {RecordedRequest} request */
function isDeclaredJson(request) {
  const mediaType = header(request, 'content-type')?.split(';')[0]
  return mediaType?.trim().toLowerCase() === 'application/json'
}

/** @param {unknown} body */
function eventNameOf(body) {
  return typeof body === 'object' &&
    body !== null &&
    'event' in body &&
    typeof body.event === 'string'
    ? body.event
    : undefined
}

/** @param {string} text */
function parseJson(text) {
  try {
    return /** @type {unknown} */ (JSON.parse(text))
  } catch {
    return undefined
  }
}

/**
 * @param {string | undefined} text
 * @param {number} fallback when `text` is undefined
 * @returns {number | undefined} undefined when `text` is not a positive integer
 */
function positiveInteger(text, fallback) {
  if (text === undefined) return fallback
  const value = Number(text)
  return Number.isInteger(value) && value > 0 ? value : undefined
}

/**
 * @param {string} date `YYYY-MM-DD`
 * @returns {number} ms since the epoch, or NaN when `date` is not such a date
 */
function startOfUtcDay(date) {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T00:00:00.000Z`) : NaN
}

/** @param {IncomingMessage} req */
async function readBody(req) {
  req.setEncoding('utf8')
  let body = ''
  for await (const chunk of req) body += chunk
  return body
}

/** A MongoDB-style id, like Refold's. */
function objectId() {
  return randomBytes(12).toString('hex')
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const fake = await startFakeRefold({ port: Number(process.env.PORT ?? 0) })
  console.log(`fake Refold listening on ${fake.url}`)
  const stop = () => void fake.close()
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}
