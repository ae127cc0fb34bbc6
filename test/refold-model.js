// Refold's behaviour without HTTP: one org's events, workflows, linked accounts and executions, its
// rate limit, and what each public route answers, on a clock that is handed in. test/fake-refold.js
// serves it on 127.0.0.1; unit tests drive it directly with a virtual clock.
//
// Routes (request-like objects in, `{status, body, headers}` out):
//   POST /api/v2/public/event                 trigger    x-api-key, linked_account_id, JSON body
//   GET  /api/v2/public/application/event     events     x-api-key; a bare array
//   GET  /api/v2/public/execution             executions x-api-key, linked_account_id; paginated
//   GET  /api/v2/public/execution/{id}        execution  x-api-key, linked_account_id; one document
//   GET  /api/v2/public/linked-account        linkedAccounts  x-api-key only; paginated
//   POST /api/v2/public/execution/{id}/stop   stop       x-api-key, linked_account_id
//
// Where Refold's documentation is silent the fake chooses, and says so here:
// - An unknown linked account (only when `linkedAccounts` is given) is
//   404 {"status_code":404,"http_error_type":"NOT_FOUND","error_code":"LINKED_ACCOUNT_NOT_FOUND",
//   "message":"Linked account not found"} on every account-scoped route, checked before the event.
// - An unknown or other account's execution id is 404 with error_code `EXECUTION_NOT_FOUND`.
// - A start_date the mode refuses is 422 with error_code `VALIDATION_ERROR`.
// - The rate limit is one token bucket for the whole org: every request of every route and key.
// - A trigger's `instance_tag` header is echoed on the executions it starts, as `instance_tag`
//   (Refold documents the header but not whether it comes back): `echoInstanceTag: false` is the
//   Refold that drops it.
// - Stop: an in-progress execution of the account is `STOPPED` at once (no `STOPPING` in between),
//   its `completion_time` the moment of the stop, and the answer is 200
//   {"message":"Stopping instance"}. An unknown, other account's or not yet listed id is 404
//   `EXECUTION_NOT_FOUND`; one already finished (stopped included) keeps its status and is
//   409 {"status_code":409,"http_error_type":"CONFLICT","error_code":"EXECUTION_NOT_RUNNING",
//   "message":"Execution is not running"}, so a stop that loses the race to the finish fails.
import { randomBytes } from 'node:crypto'

/**
 * @typedef {'trigger' | 'events' | 'executions' | 'execution' | 'linkedAccounts' | 'stop'} Route
 */

/**
 * An event configured in Refold, as the events list returns it.
 * @typedef {object} RefoldEvent
 * @property {string} _id
 * @property {string} name Matched case-sensitively against a trigger's `event`.
 * @property {unknown} [response]
 * @property {unknown} [json_schema] The payload's JSON Schema, set when the event was created.
 *   Any other field given is listed as given.
 */

/**
 * @typedef {object} WorkflowStep
 * @property {string} status e.g. `RUNNING`, `COMPLETED`, `ERRORED`, `TIMED_OUT`; any string,
 *   listed as given (`completed` stays lower-case).
 * @property {number} afterMs When the execution reaches this status, counted from its start.
 * @property {string} [node] The workflow node that reached this step; it is listed in the detail's
 *   `nodes` from then on (status `ERRORED` when the step has an `error`, else the step's status).
 * @property {string} [error] Error text: the execution detail carries it from this step on, in
 *   `errorField` and on the step's node.
 * @property {'error' | 'message' | 'error_message'} [errorField] Default `error`: Refold's services
 *   name the field differently.
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
 * @property {{ _id: string, name?: string }} [associated_workflow]
 * @property {string} linked_account_id
 * @property {string} [config_id]
 * @property {string} [slug]
 * @property {string} [instance_tag] The starting trigger's `instance_tag` header, when it had one
 *   (and `echoInstanceTag` is not false).
 * @property {string} createdAt ISO timestamp.
 * @property {string} updatedAt ISO timestamp.
 * @property {string} [completion_time] ISO timestamp of the last step, once reached.
 */

/**
 * One execution as `GET /execution/{id}` returns it: the list doc and the documented extras.
 * @typedef {Execution & {
 *   environment: 'test' | 'production',
 *   associated_application: { _id: string, name: string, icon: string },
 *   nodes: ExecutionNode[],
 *   instance_execution_time?: number,
 *   error?: string,
 *   message?: string,
 *   error_message?: string
 * }} ExecutionDetail
 */

/**
 * @typedef {object} ExecutionNode
 * @property {string} _id
 * @property {string} name
 * @property {string} status
 * @property {string} entered_at ISO timestamp; nodes are sorted by it.
 * @property {string} [error]
 */

/**
 * An execution whose status changes over time, given directly rather than started by a trigger
 * (e.g. another event's run, or one created before the trigger).
 * @typedef {object} ScheduledExecution
 * @property {Omit<Execution, 'status' | 'updatedAt' | 'completion_time' | 'createdAt'> &
 *   { createdAt?: string }} doc `createdAt` defaults to `startedAt`; given, it is kept as is, so
 *   a test can place it anywhere on the server's clock.
 * @property {WorkflowStep[]} steps As a workflow's, counted from `startedAt`.
 * @property {number} [startedAt] On the model's clock; default: when the model was created.
 */

/**
 * A linked account (one customer of the org), as the linked-account list returns it.
 * @typedef {object} LinkedAccount
 * @property {string} account_id The value of the `linked_account_id` header.
 * @property {string} name
 * @property {'test' | 'production'} environment
 * @property {string} associated_org
 * @property {string} createdAt
 */

/**
 * A paginated answer (mongoose-paginate style), as the executions and linked-account lists give.
 * @template T
 * @typedef {object} Page
 * @property {T[]} docs
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

/** @typedef {Page<Execution>} ExecutionPage */
/** @typedef {Page<LinkedAccount>} LinkedAccountPage */

/**
 * What the model needs of a request. Header names are matched case-insensitively.
 * @typedef {object} ModelRequest
 * @property {string} method
 * @property {string} path Without the query string.
 * @property {Record<string, string>} [query]
 * @property {Record<string, string | string[] | undefined>} [headers]
 * @property {unknown} [json] The body parsed; undefined when it is absent or not JSON. Read only
 *   when `content-type` says `application/json`, as Refold does.
 */

/**
 * @typedef {object} Answer
 * @property {number} status
 * @property {unknown} body An object is JSON; a string is sent as is; undefined is an empty body.
 * @property {Record<string, string>} [headers]
 */

/**
 * @typedef {object} RateLimit
 * @property {number} perSecond Tokens added per second.
 * @property {number} burst The bucket's size: requests that may arrive at once after a pause.
 */

/**
 * @typedef {'lenient' | 'date-time' | 'reject'} StartDateMode
 * `lenient`: `YYYY-MM-DD` (from the start of that UTC day) or an ISO 8601 date-time; anything else
 * 400. `date-time`: only a full date-time with offset, else 422 (a server validating the spec's
 * `format: date-time`). `reject`: any `start_date` is 422.
 */

/**
 * @typedef {object} RefoldModelOptions
 * @property {() => number} [now] The server's clock, ms since the epoch. Default `Date.now`.
 * @property {string[]} [apiKeys] The valid `x-api-key` values. Default `[DEFAULT_API_KEY]`.
 * @property {RefoldEvent[]} [events] Default `DEFAULT_EVENTS`.
 * @property {Record<string, FakeWorkflow[]>} [workflows] By event name. Default
 *   `DEFAULT_WORKFLOWS`.
 * @property {Array<Execution | ScheduledExecution>} [executions] Executions that exist besides
 *   those triggers start: an `Execution` is listed as it is; a `ScheduledExecution` changes status
 *   over time.
 * @property {Array<string | (Partial<LinkedAccount> & { account_id: string })>} [linkedAccounts]
 *   The org's linked accounts, in list order (ids or docs; missing fields are filled in). When
 *   given, an account not in it is refused on every account-scoped route; when absent, any
 *   account is accepted and the list is empty.
 * @property {RateLimit} [rateLimit] Enforce a rate: above it, 429 with `Retry-After`.
 * @property {StartDateMode} [startDate] Default `lenient`.
 * @property {boolean} [detailErrors] Default true. False: the execution detail carries no error
 *   text at all (no `error` / `message` / `error_message`, nodes without `error`).
 * @property {number} [maxPageSize] The largest `limit` the lists honour; a larger one is cut to
 *   it (the answer's `limit` says so), which forces a client through several pages.
 * @property {boolean} [echoInstanceTag] Default true: executions carry their trigger's
 *   `instance_tag` header as `instance_tag`. False: the field is never there (a Refold that does
 *   not echo it). Executions given in `executions` are listed as given either way.
 * @property {boolean} [zonelessTimes] Default false. True: the executions list and detail print
 *   `createdAt`, `updatedAt`, `completion_time` and the nodes' `entered_at` as UTC wall time
 *   without a zone (`2026-12-06T04:50:00.000`). Only the HTTP answers: the model's own accessors
 *   (`executions()`, `execution()`, `finishes()`) keep ISO with `Z`. A given value without a zone,
 *   or one that is not a date, is printed as given.
 * @property {number} [linkedAccountsEndAfter] A list that ends early: the linked-account pages
 *   serve only the first N accounts (`hasNextPage` false, `nextPage` null on the page that holds
 *   the Nth) while `totalDocs` and `totalPages` still count them all.
 */

/**
 * @typedef {object} ModelStats
 * @property {Record<Route | 'unknown', number>} requests Requests received per route, 429s
 *   included.
 * @property {number} total
 * @property {number} rateLimited 429s sent by the rate limit.
 * @property {number} startDateQueries Executions list calls that carried `start_date`.
 * @property {number} stopped Executions the stop route stopped (200 answers).
 */

/**
 * An execution's finish on the model's clock, for measuring how long a client lagged behind it.
 * @typedef {object} Finish
 * @property {string} _id
 * @property {string} linked_account_id
 * @property {string} workflow
 * @property {string} status The last step's, or `STOPPED`.
 * @property {number} finishedAt ms since the epoch, on the model's clock.
 */

/**
 * @typedef {object} RefoldModel
 * @property {() => number} now The model's clock.
 * @property {(method: string, path: string) => Route | undefined} route
 * @property {(request: ModelRequest) => Answer | undefined} admit Counts the request and applies
 *   the rate limit: a 429 answer when it is over, else undefined (go on to `answer`).
 * @property {(request: ModelRequest) => Answer} answer What the route answers; nothing counted.
 * @property {(request: ModelRequest) => Answer} handle `admit`, then `answer`: one request end to
 *   end, for unit tests.
 * @property {(request: ModelRequest) => void} accept Start a trigger's executions as if it was
 *   accepted (for a scripted 2xx answer); does nothing unless the body names a known event.
 * @property {() => Execution[]} executions Every listed execution, with its current status.
 * @property {(id: string) => ExecutionDetail | undefined} execution One execution's detail now,
 *   whatever the account; undefined when it is unknown or not yet listed.
 * @property {() => LinkedAccount[]} linkedAccounts
 * @property {() => Finish[]} finishes Executions that have finished by now, earliest first.
 * @property {() => number | undefined} lastFinishAt The latest `finishedAt`, or undefined.
 * @property {() => ModelStats} stats A copy.
 */

/**
 * A started execution; its status and timestamps are computed when read.
 * @typedef {object} Run
 * @property {Omit<Execution, 'status' | 'updatedAt' | 'completion_time'>} doc
 * @property {WorkflowStep[]} steps
 * @property {number} startedAt
 * @property {'test' | 'production'} environment
 * @property {number} [stoppedAt] When the stop route stopped it, on the model's clock.
 */

/** A test key (`tk…`), so executions it starts are in the `test` environment. */
export const DEFAULT_API_KEY = 'tk_test_fake_key_123'
export const FAKE_ORG_ID = '65f0c0ffee00000000000001'

/** @type {RefoldEvent[]} */
export const DEFAULT_EVENTS = [
  { _id: '66a1f0c2e4b0a1b2c3d4e501', name: 'Release Published' },
  { _id: '66a1f0c2e4b0a1b2c3d4e502', name: 'Deployment Finished' },
  { _id: '66a1f0c2e4b0a1b2c3d4e503', name: 'Incident Opened' }
]

/**
 * A release event's payload schema: `version` and `notes`, both strings, anything else allowed
 * (the GitHub context merged into a payload passes). Not on `DEFAULT_EVENTS`, whose tests fire
 * any payload; give `EVENTS_WITH_SCHEMA` as `events` to have it listed.
 */
export const RELEASE_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'Release Published',
  type: 'object',
  required: ['version', 'notes'],
  properties: {
    version: { type: 'string', minLength: 1, description: 'The released version, e.g. 2.4.0' },
    notes: { type: 'string', description: 'Release notes, Markdown' },
    url: { type: 'string', format: 'uri' }
  }
}

/**
 * `DEFAULT_EVENTS` with `Release Published` (same `_id`) carrying `RELEASE_SCHEMA`.
 * @type {RefoldEvent[]}
 */
export const EVENTS_WITH_SCHEMA = DEFAULT_EVENTS.map(event =>
  event.name === 'Release Published' ? { ...event, json_schema: RELEASE_SCHEMA } : event
)

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

export const PATHS = {
  trigger: '/api/v2/public/event',
  events: '/api/v2/public/application/event',
  executions: '/api/v2/public/execution',
  linkedAccounts: '/api/v2/public/linked-account'
}

/** @type {Route[]} */
export const ROUTE_NAMES = [
  'trigger',
  'events',
  'executions',
  'execution',
  'linkedAccounts',
  'stop'
]

/** @type {Map<string, Route>} */
const FIXED_ROUTES = new Map([
  [`POST ${PATHS.trigger}`, 'trigger'],
  [`GET ${PATHS.events}`, 'events'],
  [`GET ${PATHS.executions}`, 'executions'],
  [`GET ${PATHS.linkedAccounts}`, 'linkedAccounts']
])
const EXECUTION_PATH = /^\/api\/v2\/public\/execution\/([^/]+)$/
const STOP_PATH = /^\/api\/v2\/public\/execution\/([^/]+)\/stop$/
/** Statuses of a given execution that a stop may end; a run's progress is read off its steps. */
const IN_PROGRESS = new Set(['RUNNING', 'QUEUED', 'STOPPING'])

const INVALID_CREDENTIALS = refoldError(401, 'UNAUTHORIZED', 'SERVER_ERROR', 'Invalid Credentials')
const TRIGGER_NOT_FOUND = refoldError(404, 'NOT_FOUND', 'INVALID_EVENT', 'Trigger not found')
const LINKED_ACCOUNT_REQUIRED = badRequest('linked_account_id header is required')
export const LINKED_ACCOUNT_NOT_FOUND = refoldError(
  404,
  'NOT_FOUND',
  'LINKED_ACCOUNT_NOT_FOUND',
  'Linked account not found'
)
export const EXECUTION_NOT_FOUND = refoldError(
  404,
  'NOT_FOUND',
  'EXECUTION_NOT_FOUND',
  'Execution not found'
)
export const EXECUTION_NOT_RUNNING = refoldError(
  409,
  'CONFLICT',
  'EXECUTION_NOT_RUNNING',
  'Execution is not running'
)

/**
 * `count` linked accounts `acct-0001`, `acct-0002` … named `Customer 0001` …, all in one
 * environment (`production` unless told otherwise), for the `linkedAccounts` option.
 * @param {number} count
 * @param {{ prefix?: string, environment?: 'test' | 'production' }} [options]
 * @returns {LinkedAccount[]}
 */
export function makeLinkedAccounts(count, options = {}) {
  const prefix = options.prefix ?? 'acct'
  const width = Math.max(4, String(count).length)
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(width, '0')
    return linkedAccount({
      account_id: `${prefix}-${n}`,
      name: `Customer ${n}`,
      environment: options.environment ?? 'production'
    })
  })
}

/**
 * @param {RefoldModelOptions} [options]
 * @returns {RefoldModel}
 */
export function createRefoldModel(options = {}) {
  const now = options.now ?? Date.now
  const createdAt = now()
  const apiKeys = new Set(options.apiKeys ?? [DEFAULT_API_KEY])
  const events = options.events ?? DEFAULT_EVENTS
  const workflows = withIds(options.workflows ?? DEFAULT_WORKFLOWS)
  const startDateMode = options.startDate ?? 'lenient'
  const detailErrors = options.detailErrors ?? true
  const maxPageSize = options.maxPageSize ?? Infinity
  const echoInstanceTag = options.echoInstanceTag ?? true
  const zonelessTimes = options.zonelessTimes ?? false
  const accountsEndAfter = options.linkedAccountsEndAfter ?? Infinity
  const accounts = options.linkedAccounts?.map(entry =>
    linkedAccount(typeof entry === 'string' ? { account_id: entry } : entry, createdAt)
  )
  const accountsById = new Map(accounts?.map(account => [account.account_id, account]))
  /** @type {Execution[]} */
  const staticExecutions = []
  /** @type {Run[]} */
  const runs = []
  for (const entry of options.executions ?? []) {
    if ('steps' in entry) runs.push(scheduledRun(entry, createdAt))
    else staticExecutions.push(entry)
  }
  /** @type {Map<string, string>} */
  const applicationIds = new Map()
  const bucket = options.rateLimit && tokenBucket(options.rateLimit, createdAt)
  /** @type {ModelStats} */
  const stats = {
    requests: {
      trigger: 0,
      events: 0,
      executions: 0,
      execution: 0,
      linkedAccounts: 0,
      stop: 0,
      unknown: 0
    },
    total: 0,
    rateLimited: 0,
    startDateQueries: 0,
    stopped: 0
  }

  /** @type {Record<Route, (request: ModelRequest) => Answer>} */
  const answers = {
    trigger(request) {
      if (!hasValidKey(request)) return INVALID_CREDENTIALS
      const account = header(request, 'linked_account_id')
      if (!account) return LINKED_ACCOUNT_REQUIRED
      if (!isKnownAccount(account)) return LINKED_ACCOUNT_NOT_FOUND
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
      const account = header(request, 'linked_account_id')
      if (!account) return LINKED_ACCOUNT_REQUIRED
      if (!isKnownAccount(account)) return LINKED_ACCOUNT_NOT_FOUND
      // execution_source is not read: every execution here comes from an event.
      const query = request.query ?? {}
      const paging = pagingOf(query)
      if (!paging) return badRequest('page and limit must be positive integers')
      const since = startDateOf(query.start_date, startDateMode)
      if (typeof since !== 'number') return since
      const slugs = query.slug?.split(',').map(s => s.trim())
      const direction = query.sortAsc === 'true' ? 1 : -1
      const matching = currentExecutions()
        .filter(doc => doc.linked_account_id === account)
        // Without start_date an execution whose createdAt is not a date is listed too.
        .filter(doc => since === -Infinity || Date.parse(doc.createdAt) >= since)
        .filter(doc => !slugs || (doc.slug !== undefined && slugs.includes(doc.slug)))
        .sort((a, b) => direction * (Date.parse(a.createdAt) - Date.parse(b.createdAt)))
      const page = paginate(matching, paging.page, paging.limit)
      return { status: 200, body: { ...page, docs: page.docs.map(printTimes) } }
    },

    execution(request) {
      if (!hasValidKey(request)) return INVALID_CREDENTIALS
      const account = header(request, 'linked_account_id')
      if (!account) return LINKED_ACCOUNT_REQUIRED
      if (!isKnownAccount(account)) return LINKED_ACCOUNT_NOT_FOUND
      const id = decodeURIComponent(EXECUTION_PATH.exec(request.path)?.[1] ?? '')
      const detail = executionDetail(id)
      // Another account's execution is as unknown as a made-up id: ids do not leak across.
      if (!detail || detail.linked_account_id !== account) return EXECUTION_NOT_FOUND
      if (!zonelessTimes) return { status: 200, body: detail }
      const nodes = detail.nodes.map(node => ({ ...node, entered_at: wallTime(node.entered_at) }))
      return { status: 200, body: { ...printTimes(detail), nodes } }
    },

    linkedAccounts(request) {
      if (!hasValidKey(request)) return INVALID_CREDENTIALS
      const paging = pagingOf(request.query ?? {})
      if (!paging) return badRequest('page and limit must be positive integers')
      const all = accounts ?? []
      const page = paginate(all.slice(0, accountsEndAfter), paging.page, paging.limit)
      // The count stays true when the list ends early: the page contradicts itself.
      const totalPages = Math.ceil(all.length / paging.limit) || 1
      return { status: 200, body: { ...page, totalDocs: all.length, totalPages } }
    },

    stop(request) {
      if (!hasValidKey(request)) return INVALID_CREDENTIALS
      const account = header(request, 'linked_account_id')
      if (!account) return LINKED_ACCOUNT_REQUIRED
      if (!isKnownAccount(account)) return LINKED_ACCOUNT_NOT_FOUND
      const id = decodeURIComponent(STOP_PATH.exec(request.path)?.[1] ?? '')
      const at = now()
      const run = runs.find(r => r.doc._id === id)
      const index = run ? -1 : staticExecutions.findIndex(e => e._id === id)
      const current = run ? executionAt(run, at) : staticExecutions[index]
      if (!current || current.linked_account_id !== account) return EXECUTION_NOT_FOUND
      const inProgress = run
        ? current.completion_time === undefined
        : IN_PROGRESS.has(String(current.status).toUpperCase()) && !current.completion_time
      if (!inProgress) return EXECUTION_NOT_RUNNING
      if (run) run.stoppedAt = at
      else staticExecutions[index] = stopped(current, at)
      stats.stopped++
      return { status: 200, body: { message: 'Stopping instance' } }
    }
  }

  /**
   * An execution's times as this Refold prints them.
   * @template {Execution} T
   * @param {T} execution
   * @returns {T}
   */
  function printTimes(execution) {
    if (!zonelessTimes) return execution
    const printed = { ...execution }
    for (const field of /** @type {const} */ (['createdAt', 'updatedAt', 'completion_time'])) {
      const time = execution[field]
      if (typeof time === 'string') printed[field] = wallTime(time)
    }
    return printed
  }

  /** @param {ModelRequest} request */
  function hasValidKey(request) {
    return apiKeys.has(header(request, 'x-api-key') ?? '')
  }

  /** @param {string} account */
  function isKnownAccount(account) {
    return !accounts || accountsById.has(account)
  }

  /** @param {string | undefined} name */
  function eventNamed(name) {
    return events.find(event => event.name === name)
  }

  /**
   * @param {Record<string, string>} query
   * @returns {{ page: number, limit: number } | undefined}
   */
  function pagingOf(query) {
    const page = positiveInteger(query.page, 1)
    const limit = positiveInteger(query.limit, 10)
    if (page === undefined || limit === undefined) return undefined
    return { page, limit: Math.min(limit, maxPageSize) }
  }

  /**
   * @param {RefoldEvent} event
   * @param {ModelRequest} request
   */
  function startRuns(event, request) {
    const startedAt = now()
    const requestedSlug = header(request, 'slug')
    const configId = header(request, 'config_id')
    const instanceTag = header(request, 'instance_tag')
    const account = header(request, 'linked_account_id') ?? ''
    const environment =
      accountsById.get(account)?.environment ?? environmentOfKey(header(request, 'x-api-key'))
    for (const workflow of workflows[event.name] ?? []) {
      const slug = workflow.slug ?? requestedSlug
      if (requestedSlug && slug !== requestedSlug) continue
      /** @type {Run['doc']} */
      const doc = {
        _id: objectId(),
        name: `Execution for workflow ${workflow._id}`,
        associated_event_id: event._id,
        associated_workflow: { _id: workflow._id, name: workflow.name },
        linked_account_id: account,
        createdAt: new Date(startedAt).toISOString()
      }
      if (configId) doc.config_id = configId
      if (slug) doc.slug = slug
      if (instanceTag !== undefined && echoInstanceTag) doc.instance_tag = instanceTag
      runs.push({ doc, steps: workflow.steps, startedAt, environment })
    }
  }

  function currentExecutions() {
    const at = now()
    return [...staticExecutions, ...runs.flatMap(run => executionAt(run, at) ?? [])]
  }

  /**
   * @param {string} id
   * @returns {ExecutionDetail | undefined}
   */
  function executionDetail(id) {
    const at = now()
    const run = runs.find(r => r.doc._id === id)
    if (run) {
      const execution = executionAt(run, at)
      return execution && detailOf(run, execution, at)
    }
    const doc = staticExecutions.find(e => e._id === id)
    if (!doc) return undefined
    return {
      environment: 'production',
      associated_application: application(doc.slug),
      nodes: [],
      ...doc
    }
  }

  /**
   * @param {Run} run
   * @param {Execution} execution
   * @param {number} at
   * @returns {ExecutionDetail}
   */
  function detailOf(run, execution, at) {
    const reached = run.steps.filter(
      step => step.afterMs <= Math.min(at, run.stoppedAt ?? at) - run.startedAt
    )
    /** @type {ExecutionNode[]} */
    const nodes = [
      {
        _id: `${run.doc._id}-n0`,
        name: 'Event Trigger',
        status: 'COMPLETED',
        entered_at: execution.createdAt
      }
    ]
    reached.forEach((step, index) => {
      if (!step.node) return
      /** @type {ExecutionNode} */
      const node = {
        _id: `${run.doc._id}-n${index + 1}`,
        name: step.node,
        status: step.error ? 'ERRORED' : step.status,
        entered_at: new Date(run.startedAt + step.afterMs).toISOString()
      }
      if (step.error && detailErrors) node.error = step.error
      nodes.push(node)
    })
    /** @type {ExecutionDetail} */
    const detail = {
      ...execution,
      environment: run.environment,
      associated_application: application(execution.slug),
      nodes
    }
    const failed = reached.filter(step => step.error).at(-1)
    if (failed?.error && detailErrors) detail[failed.errorField ?? 'error'] = failed.error
    if (execution.completion_time) {
      detail.instance_execution_time = Date.parse(execution.completion_time) - run.startedAt
    }
    return detail
  }

  /** @param {string | undefined} slug */
  function application(slug) {
    const name = slug ?? 'custom'
    let id = applicationIds.get(name)
    if (!id) applicationIds.set(name, (id = objectId()))
    return { _id: id, name, icon: `https://assets.refold.invalid/apps/${name}.svg` }
  }

  /** @returns {Finish[]} */
  function finishes() {
    const at = now()
    return runs
      .map(run => {
        const last = /** @type {WorkflowStep} */ (run.steps.at(-1))
        return {
          _id: run.doc._id,
          linked_account_id: run.doc.linked_account_id,
          workflow: run.doc.associated_workflow?.name ?? run.doc.name,
          status: run.stoppedAt === undefined ? last.status : 'STOPPED',
          finishedAt: run.stoppedAt ?? run.startedAt + last.afterMs
        }
      })
      .filter(finish => finish.finishedAt <= at)
      .sort((a, b) => a.finishedAt - b.finishedAt)
  }

  /** @type {RefoldModel['route']} */
  function route(method, path) {
    const fixed = FIXED_ROUTES.get(`${method} ${path}`)
    if (fixed) return fixed
    if (method === 'GET' && EXECUTION_PATH.test(path)) return 'execution'
    return method === 'POST' && STOP_PATH.test(path) ? 'stop' : undefined
  }

  /** @type {RefoldModel['admit']} */
  function admit(request) {
    const name = route(request.method, request.path)
    stats.requests[name ?? 'unknown']++
    stats.total++
    if (name === 'executions' && request.query?.start_date !== undefined) {
      stats.startDateQueries++
    }
    const waitMs = bucket?.take(now())
    if (waitMs === undefined) return undefined
    stats.rateLimited++
    return {
      ...refoldError(429, 'TOO_MANY_REQUESTS', 'RATE_LIMIT', 'Rate Limit Hit'),
      headers: { 'retry-after': String(Math.max(1, Math.ceil(waitMs / 1000))) }
    }
  }

  /** @type {RefoldModel['answer']} */
  function answer(request) {
    const name = route(request.method, request.path)
    if (name) return answers[name](request)
    const message = `Cannot ${request.method} ${request.path}`
    return refoldError(404, 'NOT_FOUND', 'NOT_FOUND', message)
  }

  return {
    now,
    route,
    admit,
    answer,
    handle: request => admit(request) ?? answer(request),
    accept(request) {
      const event = eventNamed(eventNameOf(request.json))
      if (event) startRuns(event, request)
    },
    executions: currentExecutions,
    execution: executionDetail,
    linkedAccounts: () => [...(accounts ?? [])],
    finishes,
    lastFinishAt: () => finishes().at(-1)?.finishedAt,
    stats: () => ({ ...stats, requests: { ...stats.requests } })
  }
}

/**
 * Tokens refill continuously at `perSecond` up to `burst`; each request takes one.
 * @param {RateLimit} limit
 * @param {number} start
 */
function tokenBucket({ perSecond, burst }, start) {
  let tokens = burst
  let last = start
  return {
    /**
     * @param {number} at
     * @returns {number | undefined} undefined when admitted, else ms until a token is free
     */
    take(at) {
      tokens = Math.min(burst, tokens + (Math.max(0, at - last) * perSecond) / 1000)
      last = Math.max(last, at)
      if (tokens >= 1) {
        tokens -= 1
        return undefined
      }
      return ((1 - tokens) * 1000) / perSecond
    }
  }
}

/**
 * @param {ScheduledExecution} entry
 * @param {number} defaultStart
 * @returns {Run}
 */
function scheduledRun(entry, defaultStart) {
  const startedAt = entry.startedAt ?? defaultStart
  return {
    doc: { ...entry.doc, createdAt: entry.doc.createdAt ?? new Date(startedAt).toISOString() },
    steps: entry.steps,
    startedAt,
    environment: 'production'
  }
}

/**
 * @param {Run} run
 * @param {number} now
 * @returns {Execution | undefined} undefined until the first step is reached
 */
function executionAt(run, now) {
  if (run.stoppedAt !== undefined && run.stoppedAt <= now) {
    const listed = executionAt({ ...run, stoppedAt: undefined }, run.stoppedAt)
    return listed && stopped(listed, run.stoppedAt)
  }
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
 * @param {Execution} execution
 * @param {number} at
 * @returns {Execution}
 */
function stopped(execution, at) {
  const time = new Date(at).toISOString()
  return { ...execution, status: 'STOPPED', updatedAt: time, completion_time: time }
}

/**
 * UTC wall time without a zone, for a server that prints times so; a value without a zone, or
 * not a date, as it is.
 * @param {string} time
 */
function wallTime(time) {
  const ms = Date.parse(time)
  if (!/(Z|[+-]\d{2}:?\d{2})$/i.test(time) || Number.isNaN(ms)) return time
  return new Date(ms).toISOString().slice(0, -1)
}

/**
 * @param {string | undefined} value
 * @param {StartDateMode} mode
 * @returns {number | Answer} the earliest `createdAt` to list, or the refusal
 */
function startDateOf(value, mode) {
  if (value === undefined) return -Infinity
  if (mode === 'reject') return unprocessable('start_date is not supported')
  if (isDateTime(value)) return Date.parse(value)
  if (mode === 'date-time') {
    return unprocessable('start_date must be an ISO 8601 date-time (format: date-time)')
  }
  const day = startOfUtcDay(value)
  return Number.isNaN(day) ? badRequest('start_date must be a date (YYYY-MM-DD)') : day
}

/**
 * RFC 3339 `date-time`, what OpenAPI's `format: date-time` means: a date, a time and an offset.
 * @param {string} text
 */
function isDateTime(text) {
  return (
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(text) &&
    !Number.isNaN(Date.parse(text))
  )
}

/**
 * @param {string} date `YYYY-MM-DD`
 * @returns {number} ms since the epoch, or NaN when `date` is not such a date
 */
function startOfUtcDay(date) {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T00:00:00.000Z`) : NaN
}

/**
 * @template T
 * @param {T[]} docs
 * @param {number} page
 * @param {number} limit
 * @returns {Page<T>}
 */
export function paginate(docs, page, limit) {
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
 * @param {Partial<LinkedAccount> & { account_id: string }} fields
 * @param {number} [createdAt]
 * @returns {LinkedAccount}
 */
function linkedAccount(fields, createdAt = Date.parse('2024-01-01T00:00:00Z')) {
  return {
    name: fields.account_id,
    environment: 'production',
    associated_org: FAKE_ORG_ID,
    createdAt: new Date(createdAt).toISOString(),
    ...fields
  }
}

/** @param {string | undefined} key Production keys start `pk`, test keys `tk`. */
function environmentOfKey(key) {
  return key?.startsWith('tk') ? 'test' : 'production'
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
 * @param {number} status
 * @param {string} httpErrorType
 * @param {string} errorCode
 * @param {string} message
 * @returns {Answer}
 */
export function refoldError(status, httpErrorType, errorCode, message) {
  return {
    status,
    body: { status_code: status, http_error_type: httpErrorType, error_code: errorCode, message }
  }
}

/** @param {string} message */
function badRequest(message) {
  return refoldError(400, 'BAD_REQUEST', 'INVALID_REQUEST', message)
}

/** @param {string} message */
function unprocessable(message) {
  return refoldError(422, 'UNPROCESSABLE_ENTITY', 'VALIDATION_ERROR', message)
}

/**
 * @param {ModelRequest} request
 * @param {string} name lower-case
 */
function header(request, name) {
  const headers = request.headers ?? {}
  const key = name in headers ? name : Object.keys(headers).find(k => k.toLowerCase() === name)
  const value = key === undefined ? undefined : headers[key]
  return Array.isArray(value) ? value[0] : value
}

/** @param {ModelRequest} request */
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

/** A MongoDB-style id, like Refold's. */
export function objectId() {
  return randomBytes(12).toString('hex')
}
