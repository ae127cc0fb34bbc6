// A fake Refold API on 127.0.0.1: test/refold-model.js (Refold's behaviour) served over node:http,
// plus what only a server can do: scripted answers, delays, dropped and hung connections, requests
// in flight. Shared by the end-to-end tests, the demo and the benchmark.
/**
 * Routes (see test/refold-model.js for what each answers):
 * - `POST /api/v2/public/event` (`trigger`): fire an event; starts one execution per workflow.
 * - `GET /api/v2/public/application/event` (`events`): the events, a bare array.
 * - `GET /api/v2/public/execution` (`executions`): paginated executions of one linked account;
 *   `page`, `limit`, `start_date` (per the `startDate` option), `slug`, `sortAsc`.
 * - `GET /api/v2/public/execution/{id}` (`execution`): one execution's detail, with `nodes` and
 *   the error text of a failed step.
 * - `GET /api/v2/public/linked-account` (`linkedAccounts`): the org's linked accounts, paginated.
 * - `POST /api/v2/public/execution/{id}/stop` (`stop`): stops an in-progress execution of the
 *   `linked_account_id` account at once (`STOPPED`); 404 `EXECUTION_NOT_FOUND` for an id it does
 *   not know for that account, 409 `EXECUTION_NOT_RUNNING` for one already finished.
 * Anything else is 404 `Cannot <METHOD> <path>`.
 *
 * Options are the model's plus `port`:
 * - `now`, `apiKeys` (default `[DEFAULT_API_KEY]`, a `tk_` test key), `events` (default
 *   `DEFAULT_EVENTS`; an event may carry `json_schema`, e.g. `EVENTS_WITH_SCHEMA`, whose
 *   `Release Published` has `RELEASE_SCHEMA`), `workflows` (step statuses are free strings, listed
 *   as given), `executions`, `linkedAccounts`, `startDate`, `detailErrors`, `maxPageSize`.
 * - `rateLimit: {perSecond, burst}`: one bucket for every request of every route (unknown paths
 *   and stops included), 429 with `Retry-After` above it; applied before any scripted answer, and
 *   a scripted answer is used by the next request that gets past it.
 * - `echoInstanceTag` (default true): executions carry their trigger's `instance_tag` header;
 *   false is a Refold that never lists it.
 * - `zonelessTimes` (default false): the executions list and detail print their times as UTC wall
 *   time without `Z`.
 * - `linkedAccountsEndAfter: N`: the linked-account pages end after N accounts (`hasNextPage`
 *   false) while `totalDocs` still counts them all.
 * The `Date` header is the model's clock.
 *
 * What arrived: `requests` (every one, headers lower-cased, the raw body), `triggers()` (so a
 * test reads each trigger's `instance_tag` and `idempotency-key`) and `stops()`; counts per
 * route, 429s and stops in `stats()`.
 *
 * Standalone: `node test/fake-refold.js` (env `PORT`, `FAKE_LINKED_ACCOUNTS=<count>`,
 * `FAKE_RATE_LIMIT=<perSecond>/<burst>`); prints its URL, and its stats when stopped.
 */
import { once } from 'node:events'
import { createServer } from 'node:http'
import { pathToFileURL } from 'node:url'
import { createRefoldModel, makeLinkedAccounts } from './refold-model.js'

export {
  DEFAULT_API_KEY,
  DEFAULT_EVENTS,
  DEFAULT_WORKFLOWS,
  EVENTS_WITH_SCHEMA,
  EXECUTION_NOT_FOUND,
  EXECUTION_NOT_RUNNING,
  FAKE_ORG_ID,
  LINKED_ACCOUNT_NOT_FOUND,
  RELEASE_SCHEMA,
  createRefoldModel,
  makeLinkedAccounts
} from './refold-model.js'

/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').ServerResponse} ServerResponse */
/** @typedef {import('./refold-model.js').Route} Route */
/** @typedef {import('./refold-model.js').RefoldEvent} RefoldEvent */
/** @typedef {import('./refold-model.js').WorkflowStep} WorkflowStep */
/** @typedef {import('./refold-model.js').FakeWorkflow} FakeWorkflow */
/** @typedef {import('./refold-model.js').Execution} Execution */
/** @typedef {import('./refold-model.js').ExecutionDetail} ExecutionDetail */
/** @typedef {import('./refold-model.js').ExecutionPage} ExecutionPage */
/** @typedef {import('./refold-model.js').LinkedAccount} LinkedAccount */
/** @typedef {import('./refold-model.js').LinkedAccountPage} LinkedAccountPage */
/** @typedef {import('./refold-model.js').ScheduledExecution} ScheduledExecution */
/** @typedef {import('./refold-model.js').RefoldModel} RefoldModel */
/** @typedef {import('./refold-model.js').RefoldModelOptions} RefoldModelOptions */
/** @typedef {import('./refold-model.js').ModelStats} ModelStats */
/** @typedef {import('./refold-model.js').Finish} Finish */
/** @typedef {import('./refold-model.js').Answer} Answer */

/**
 * @typedef {object} RecordedRequest
 * @property {string} method
 * @property {string} path Without the query string.
 * @property {Record<string, string>} query
 * @property {import('node:http').IncomingHttpHeaders} headers Names lower-cased.
 * @property {string} body The raw body.
 * @property {unknown} json The body parsed, or undefined when it is not JSON.
 * @property {number} at Arrival time, ms since the epoch on the model's clock.
 */

/**
 * One answer queued for a route. With neither `status` nor `body`, the route answers as usual
 * (after `delayMs`, with `headers` added).
 * @typedef {object} ScriptedResponse
 * @property {number} [status] Default 200.
 * @property {string | object} [body] An object is sent as JSON (with `content-type:
 *   application/json`); a string is sent byte for byte with no content-type unless `headers` give
 *   one (an HTML page, a JSON text with `\u` escapes); `''` or none is an empty body.
 * @property {boolean} [accept] For `trigger`: whether the scripted answer started the event's
 *   executions as an accepted trigger does. Default: true for a 2xx, false otherwise. False with
 *   a 2xx is a proxy's page that never reached Refold; true with a 5xx, an event that ran although
 *   its answer was an error.
 * @property {Record<string, string>} [headers]
 * @property {number} [delayMs] Wait this long before answering (or dropping).
 * @property {true} [drop] Destroy the socket without answering.
 * @property {true} [hang] Never answer; `close()` cleans the socket up.
 */

/**
 * @typedef {RefoldModelOptions & { port?: number }} FakeRefoldOptions
 * `port`: default 0 (ephemeral). The fake listens on 127.0.0.1 only.
 */

/**
 * @typedef {ModelStats & { inFlight: number, peakInFlight: number }} FakeStats
 * `peakInFlight`: the most requests the server held at once (hung and delayed ones included).
 */

/**
 * @typedef {object} FakeRefold
 * @property {string} url `http://127.0.0.1:<port>`, no trailing slash.
 * @property {RefoldModel} model The model behind the server (clock, executions, finishes …).
 * @property {RecordedRequest[]} requests Every request, in order.
 * @property {() => RecordedRequest[]} triggers The `POST /api/v2/public/event` requests.
 * @property {() => RecordedRequest[]} stops The `POST /api/v2/public/execution/{id}/stop`
 *   requests.
 * @property {(route: Route, ...responses: ScriptedResponse[]) => void} script Queue answers for the
 *   route's next requests, each used once and in order before the usual behaviour resumes.
 * @property {() => Execution[]} executions Every listed execution, with its current status.
 * @property {() => FakeStats} stats Requests per route, 429s sent, `start_date` queries,
 *   executions stopped, requests in flight now and at most.
 * @property {() => Promise<void>} close Stop listening and destroy every open socket, hung ones
 *   included. Calling it again is harmless.
 */

/**
 * @param {FakeRefoldOptions} [options]
 * @returns {Promise<FakeRefold>}
 */
export async function startFakeRefold(options = {}) {
  const model = createRefoldModel(options)
  /** @type {RecordedRequest[]} */
  const requests = []
  /** @type {Record<Route, ScriptedResponse[]>} */
  const scripts = {
    trigger: [],
    events: [],
    executions: [],
    execution: [],
    linkedAccounts: [],
    stop: []
  }
  let inFlight = 0
  let peakInFlight = 0

  /**
   * @param {IncomingMessage} req
   * @param {ServerResponse} res
   */
  async function handle(req, res) {
    const at = model.now()
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

    const refused = model.admit(request)
    if (refused) return send(res, refused)
    const route = model.route(request.method, request.path)
    const scripted = route && scripts[route].shift()
    if (!scripted) return send(res, model.answer(request))

    if (scripted.hang) return
    if (scripted.delayMs && !(await wait(scripted.delayMs, res))) return
    if (scripted.drop) return void req.socket.destroy()
    if (scripted.status === undefined && scripted.body === undefined) {
      return send(res, model.answer(request), scripted.headers)
    }
    const status = scripted.status ?? 200
    const accepted = scripted.accept ?? (status >= 200 && status < 300)
    if (route === 'trigger' && accepted) model.accept(request)
    send(res, { status, body: scripted.body }, scripted.headers)
  }

  /**
   * Sends `answer.body` as JSON, unless it is a string (sent as is) or undefined (empty body).
   * @param {ServerResponse} res
   * @param {Answer} answer
   * @param {Record<string, string>} [headers] Added to, and overriding, the answer's.
   */
  function send(res, answer, headers = {}) {
    const { status, body } = answer
    const isText = body === undefined || typeof body === 'string'
    const text = isText ? (body ?? '') : JSON.stringify(body)
    if (!isText) res.setHeader('content-type', 'application/json; charset=utf-8')
    res.setHeader('content-length', Buffer.byteLength(text))
    // The server's clock is the model's, so a test can set it apart from the client's.
    res.setHeader('date', new Date(model.now()).toUTCString())
    res.writeHead(status, { ...answer.headers, ...headers })
    res.end(text)
  }

  const server = createServer((req, res) => {
    inFlight++
    peakInFlight = Math.max(peakInFlight, inFlight)
    res.once('close', () => inFlight--)
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
    model,
    requests,
    triggers: () => requests.filter(r => model.route(r.method, r.path) === 'trigger'),
    stops: () => requests.filter(r => model.route(r.method, r.path) === 'stop'),
    script(route, ...responses) {
      scripts[route].push(...responses)
    },
    executions: model.executions,
    stats: () => ({ ...model.stats(), inFlight, peakInFlight }),
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

/** @param {string} text */
function parseJson(text) {
  try {
    return /** @type {unknown} */ (JSON.parse(text))
  } catch {
    return undefined
  }
}

/** @param {IncomingMessage} req */
async function readBody(req) {
  req.setEncoding('utf8')
  let body = ''
  for await (const chunk of req) body += chunk
  return body
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const accounts = Number(process.env.FAKE_LINKED_ACCOUNTS ?? 0)
  const [perSecond, burst] = (process.env.FAKE_RATE_LIMIT ?? '').split('/').map(Number)
  const fake = await startFakeRefold({
    port: Number(process.env.PORT ?? 0),
    linkedAccounts: accounts > 0 ? makeLinkedAccounts(accounts) : undefined,
    rateLimit: perSecond > 0 ? { perSecond, burst: burst > 0 ? burst : perSecond } : undefined
  })
  console.log(`fake Refold listening on ${fake.url}`)
  const stop = async () => {
    await fake.close()
    console.log(JSON.stringify(fake.stats()))
  }
  process.once('SIGINT', () => void stop())
  process.once('SIGTERM', () => void stop())
}
