// The Refold API client against nock: the exact request on the wire, every shape of answer, and
// the retries and rate limiter it owns (on a virtual clock, so no test waits for a backoff).
import { describe, it, expect, beforeAll, afterAll, afterEach, jest } from '@jest/globals'
import { readFileSync } from 'node:fs'
import nock from 'nock'
import {
  parseApiError,
  parseTimestamp,
  readExecution,
  readExecutionPage
} from '../src/core/answers.js'
import { RefoldClient, type ClientOptions } from '../src/core/client.js'
import {
  CallFailed,
  MalformedAnswerError,
  NetworkError,
  RefoldApiError
} from '../src/core/errors.js'
import { Limiter } from '../src/core/limiter.js'
import type { TriggerParts } from '../src/core/request.js'
import { isRetryable } from '../src/core/retry.js'
import { passThroughLimiter, rejection, virtualClock } from './helpers/common.js'

const BASE = 'https://api.refold.test'
const API_KEY = 'pk_live_9f8e7d6c5b4a3210secret'
const LINKED_ACCOUNT = 'acme-corp'
const EVENT_PATH = '/api/v2/public/event'
const VERSION: string = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8')
).version

/** A client of one attempt per call (`retries: 0`) unless a test asks for retries. */
function client(options: Partial<ClientOptions> = {}): RefoldClient {
  return new RefoldClient({
    baseUrl: BASE,
    apiKey: API_KEY,
    timeoutMs: 5000,
    proxyEnv: {},
    retries: 0,
    clock: virtualClock({ random: 0 }),
    limiter: passThroughLimiter(),
    onRetry: () => {},
    ...options
  })
}

const trigger = {
  event: 'Release Published',
  payload: { version: '1.2.3', nested: { ok: true, list: [1, 'two'] } },
  idempotencyKey: 'octo/repo/42/1/release/Release%20Published/acme-corp'
}

/** Sends one account's trigger, as fire() does. */
function send(
  parts: Partial<TriggerParts> = {},
  options: Partial<ClientOptions> = {},
  payload: object = trigger.payload
) {
  return client(options).trigger({
    event: trigger.event,
    account: LINKED_ACCOUNT,
    idempotencyKey: trigger.idempotencyKey,
    instanceTag: 'octo/repo/42/1/release/acme-corp',
    payloadJson: JSON.stringify(payload),
    ...parts
  })
}

/**
 * A Node-style socket error. nock 14 only emits Error instances: a plain `{ code, message }` object
 * passed to replyWithError is never emitted and the request hangs (nock/nock#2789).
 */
function socketError(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code })
}

/** The last failure of a call that failed for good, after checking it failed as CallFailed. */
async function lastFailure(promise: Promise<unknown>): Promise<RefoldApiError | NetworkError> {
  const error = await rejection(promise)
  expect(error).toBeInstanceOf(CallFailed)
  return (error as CallFailed).last
}

/** Triggers the event against a scope answering `status` with `body`; the error it fails with. */
async function triggerFailure(
  status: number,
  body: string,
  headers: Record<string, string> = {}
): Promise<RefoldApiError> {
  const scope = nock(BASE).post(EVENT_PATH).reply(status, body, headers)
  const error = await lastFailure(send())
  expect(scope.isDone()).toBe(true)
  expect(error).toBeInstanceOf(RefoldApiError)
  return error as RefoldApiError
}

let savedOrchestrationId: string | undefined

beforeAll(() => {
  nock.disableNetConnect()
  // @actions/http-client appends this id to the user agent on a runner; the test pins the bare one.
  savedOrchestrationId = process.env.ACTIONS_ORCHESTRATION_ID
  delete process.env.ACTIONS_ORCHESTRATION_ID
})

afterEach(() => {
  const pending = nock.pendingMocks()
  nock.abortPendingRequests()
  nock.cleanAll()
  expect(pending).toEqual([])
})

afterAll(() => {
  nock.enableNetConnect()
  nock.restore()
  if (savedOrchestrationId !== undefined) {
    process.env.ACTIONS_ORCHESTRATION_ID = savedOrchestrationId
  }
})

describe('trigger: the request', () => {
  it('fails a 2xx HTML page at once: not an acceptance, not retried', async () => {
    const scope = nock(BASE)
      .post(EVENT_PATH)
      .reply(200, '<!doctype html><html><head><title>Shop</title></head></html>')
    const error = await lastFailure(send({}, { retries: 3 }))
    expect(scope.isDone()).toBe(true)
    expect(error).toBeInstanceOf(RefoldApiError)
    expect((error as RefoldApiError).status).toBe(200)
    expect(error.message).toContain('answered 200 with an HTML page ("Shop")')
    expect(error.message).toContain("not JSON: is the base URL Refold's API origin?")
  })

  it('accepts an empty 2xx body, with no message', async () => {
    nock(BASE).post(EVENT_PATH).reply(204, '')
    const { value } = await send()
    expect(value).toMatchObject({ status: 204, body: '', message: undefined })
  })

  it('sends the exact request: method, path, headers and body', async () => {
    let rawBody: string | undefined
    const scope = nock(BASE, {
      reqheaders: {
        'x-api-key': API_KEY,
        linked_account_id: LINKED_ACCOUNT,
        'content-type': 'application/json',
        accept: 'application/json',
        'user-agent': `refold-trigger/${VERSION}`,
        'idempotency-key': trigger.idempotencyKey
      },
      badheaders: ['config_id', 'slug']
    })
      .post(EVENT_PATH, body => {
        rawBody = JSON.stringify(body)
        return true
      })
      .reply(200, '{"message":"Webhook Fired Success"}', { 'content-type': 'application/json' })

    const answer = (await send()).value

    expect(scope.isDone()).toBe(true)
    expect(JSON.parse(rawBody!)).toEqual({
      event: 'Release Published',
      payload: { version: '1.2.3', nested: { ok: true, list: [1, 'two'] } }
    })
    expect(answer.status).toBe(200)
    expect(answer.message).toBe('Webhook Fired Success')
    expect(answer.body).toBe('{"message":"Webhook Fired Success"}')
  })

  it('sends the body as exactly {"event":...,"payload":{...}} and nothing else', async () => {
    let raw: string | undefined
    const scope = nock(BASE).post(EVENT_PATH).reply(200, '{"message":"Webhook Fired Success"}')
    // the 'request' event carries the body as sent, before any JSON parsing
    scope.on('request', (_req, _interceptor, body: string) => {
      raw = body
    })
    await send({ configId: 'cfg', slug: 'app' })
    expect(scope.isDone()).toBe(true)
    expect(raw).toBe(JSON.stringify({ event: trigger.event, payload: trigger.payload }))
  })

  it('sends the user agent refold-trigger/<version from package.json>', async () => {
    let userAgent: string | string[] | undefined
    const scope = nock(BASE)
      .post(EVENT_PATH)
      .reply(function () {
        userAgent = this.req.headers['user-agent']
        return [200, '{}']
      })
    await send()
    expect(scope.isDone()).toBe(true)
    expect(userAgent).toBe(`refold-trigger/${VERSION}`)
  })

  it('sends config_id and slug only when they are set', async () => {
    const scope = nock(BASE, {
      reqheaders: {
        config_id: 'config-7',
        slug: 'hubspot',
        'x-api-key': API_KEY,
        linked_account_id: LINKED_ACCOUNT
      }
    })
      .post(EVENT_PATH)
      .reply(200, '{"message":"Webhook Fired Success"}')
    await send({ configId: 'config-7', slug: 'hubspot' })
    expect(scope.isDone()).toBe(true)
  })

  it('sends config_id without slug when only config_id is set', async () => {
    const scope = nock(BASE, { reqheaders: { config_id: 'config-7' }, badheaders: ['slug'] })
      .post(EVENT_PATH)
      .reply(200, '{}')
    await send({ configId: 'config-7' })
    expect(scope.isDone()).toBe(true)
  })

  it('sends neither config_id nor slug when they are empty strings', async () => {
    const scope = nock(BASE, { badheaders: ['config_id', 'slug'] })
      .post(EVENT_PATH)
      .reply(200, '{}')
    await send({ configId: '', slug: '' })
    expect(scope.isDone()).toBe(true)
  })

  it('sends the payload JSON-encoded, quotes and newlines intact', async () => {
    const payload = { message: 'fix: "quoted"\nsecond line', emoji: 'déjà 🚀' }
    let received: unknown
    const scope = nock(BASE)
      .post(EVENT_PATH, body => {
        received = body
        return true
      })
      .reply(200, '{}')
    await send({}, {}, payload)
    expect(scope.isDone()).toBe(true)
    expect(received).toEqual({ event: trigger.event, payload })
  })

  it('posts to the path under a self-hosted base_url with a port', async () => {
    const scope = nock('http://refold.internal:8080').post(EVENT_PATH).reply(200, '{}')
    await send({}, { baseUrl: 'http://refold.internal:8080' })
    expect(scope.isDone()).toBe(true)
  })

  it('returns any 2xx as success, with its message undefined when the body has none', async () => {
    nock(BASE).post(EVENT_PATH).reply(202, '')
    const { value: answer } = await send()
    expect(answer.status).toBe(202)
    expect(answer.message).toBeUndefined()
  })

  it('returns the answer headers (the Date header is needed to wait)', async () => {
    const date = 'Mon, 02 Jun 2025 12:00:00 GMT'
    nock(BASE).post(EVENT_PATH).reply(200, '{"message":"Webhook Fired Success"}', { Date: date })
    const { value: answer } = await send()
    expect(answer.headers.date).toBe(date)
  })
})

describe('trigger: error answers', () => {
  it('reads the documented 401 body', async () => {
    const error = await triggerFailure(
      401,
      '{"status_code":401,"http_error_type":"UNAUTHORIZED","error_code":"SERVER_ERROR","message":"Invalid Credentials"}'
    )
    expect(error.status).toBe(401)
    expect(error.details).toMatchObject({
      status: 401,
      httpErrorType: 'UNAUTHORIZED',
      errorCode: 'SERVER_ERROR',
      refoldMessage: 'Invalid Credentials'
    })
    expect(error.message).toContain('Release Published')
    expect(error.message).toContain('401')
    expect(error.message).toContain('UNAUTHORIZED')
    expect(error.message).toContain('SERVER_ERROR')
    expect(error.message).toContain('Invalid Credentials')
  })

  it('never puts the api key in the error message of a 401', async () => {
    const error = await triggerFailure(
      401,
      '{"status_code":401,"http_error_type":"UNAUTHORIZED","error_code":"SERVER_ERROR","message":"Invalid Credentials"}'
    )
    expect(error.message).not.toContain(API_KEY)
    expect(error.message).not.toContain('9f8e7d6c5b4a3210')
  })

  it('reads the documented 404 INVALID_EVENT body', async () => {
    const error = await triggerFailure(
      404,
      '{"status_code":404,"http_error_type":"NOT_FOUND","error_code":"INVALID_EVENT","message":"Trigger not found"}'
    )
    expect(error.details).toMatchObject({
      status: 404,
      httpErrorType: 'NOT_FOUND',
      errorCode: 'INVALID_EVENT',
      refoldMessage: 'Trigger not found'
    })
    expect(error.message).toContain('INVALID_EVENT')
    expect(error.message).toContain('Trigger not found')
  })

  it('reads the older 400 body, taking error_type as the error code', async () => {
    const error = await triggerFailure(
      400,
      '{"status_code":400,"error_type":"BAD_REQUEST","message":"Trigger with name X not found for the org"}'
    )
    expect(error.details.status).toBe(400)
    expect(error.details.errorCode).toBe('BAD_REQUEST')
    expect(error.details.httpErrorType).toBeUndefined()
    expect(error.details.refoldMessage).toBe('Trigger with name X not found for the org')
    expect(error.message).toContain('BAD_REQUEST')
    expect(error.message).toContain('Trigger with name X not found')
  })

  it('reads a body using error instead of error_code', async () => {
    const error = await triggerFailure(
      422,
      '{"status_code":422,"http_error_type":"UNPROCESSABLE_ENTITY","error":"INVALID_PAYLOAD","message":"payload must be an object"}'
    )
    expect(error.details.errorCode).toBe('INVALID_PAYLOAD')
    expect(error.details.httpErrorType).toBe('UNPROCESSABLE_ENTITY')
    expect(error.message).toContain('INVALID_PAYLOAD')
    expect(error.message).toContain('payload must be an object')
  })

  it('prefers error_code over error and error_type', async () => {
    const error = await triggerFailure(
      400,
      '{"error_code":"THE_CODE","error":"other","error_type":"BAD_REQUEST","message":"m"}'
    )
    expect(error.details.errorCode).toBe('THE_CODE')
  })

  it('reads request_id and puts it in the message', async () => {
    const error = await triggerFailure(
      500,
      '{"status_code":500,"error_code":"SERVER_ERROR","message":"boom","request_id":"req-abc-123"}'
    )
    expect(error.details.requestId).toBe('req-abc-123')
    expect(error.message).toContain('req-abc-123')
  })

  it('keeps the raw response body', async () => {
    const body = '{"status_code":409,"message":"conflict","extra":[1,2]}'
    const error = await triggerFailure(409, body)
    expect(error.details.body).toBe(body)
  })

  it('does not crash on an HTML page from a proxy (502), and says it was an HTML page', async () => {
    const html =
      '<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>' +
      '<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>'
    const error = await triggerFailure(502, html, { 'content-type': 'text/html' })
    expect(error.status).toBe(502)
    expect(error.details.errorCode).toBeUndefined()
    expect(error.details.httpErrorType).toBeUndefined()
    expect(error.message).toContain('HTML page')
    expect(error.message).toContain('502 Bad Gateway')
    expect(error.message).not.toContain('<center>')
    expect(error.details.body).toBe(html)
    expect(isRetryable(error)).toBe(true)
  })

  it('does not crash on an empty body, and says it was empty', async () => {
    const error = await triggerFailure(503, '')
    expect(error.status).toBe(503)
    expect(error.details.refoldMessage).toMatch(/empty/)
    expect(error.message).toContain('HTTP 503')
    expect(error.message).toMatch(/empty body/)
  })

  it('does not crash on a plain-text body, quoting it', async () => {
    const error = await triggerFailure(403, 'Rate Limit Hit')
    expect(error.message).toContain('Rate Limit Hit')
    expect(isRetryable(error)).toBe(true)
  })

  it('does not crash on a JSON body that is not an object', async () => {
    const error = await triggerFailure(500, '"oops"')
    expect(error.status).toBe(500)
    expect(error.message).toContain('oops')
  })

  it('treats a 403 whose message says "Rate Limit Hit" as retryable, and a plain 403 as not', async () => {
    const limited = await triggerFailure(
      403,
      '{"status_code":403,"http_error_type":"FORBIDDEN","message":"Rate Limit Hit"}'
    )
    expect(isRetryable(limited)).toBe(true)
    const forbidden = await triggerFailure(
      403,
      '{"status_code":403,"http_error_type":"FORBIDDEN","error_code":"FORBIDDEN","message":"Forbidden"}'
    )
    expect(isRetryable(forbidden)).toBe(false)
  })

  it('treats a 403 whose `error` field says rate limit as retryable, even with an error_code', async () => {
    // Contract, Failures: "403 whose body says rate limit (/rate.?limit/i in `message` or `error`)".
    const error = await triggerFailure(
      403,
      '{"status_code":403,"http_error_type":"FORBIDDEN","error_code":"SERVER_ERROR","error":"Rate Limit Hit"}'
    )
    expect(isRetryable(error)).toBe(true)
  })

  it('captures the Retry-After header', async () => {
    const error = await triggerFailure(429, '{"message":"Too Many Requests"}', {
      'Retry-After': '17'
    })
    expect(error.details.retryAfter).toBe('17')
    expect(isRetryable(error)).toBe(true)
  })

  it('captures a Retry-After header given as an HTTP date', async () => {
    const date = 'Mon, 02 Jun 2025 12:01:00 GMT'
    const error = await triggerFailure(503, '', { 'Retry-After': date })
    expect(error.details.retryAfter).toBe(date)
  })

  it('leaves retryAfter undefined when the header is absent', async () => {
    const error = await triggerFailure(429, '{"message":"Too Many Requests"}')
    expect(error.details.retryAfter).toBeUndefined()
  })

  it('does not follow a redirect: the Location target is never requested', async () => {
    const redirect = nock(BASE)
      .post(EVENT_PATH)
      .reply(302, '', { Location: 'https://elsewhere.example/steal' })
    const elsewhere = nock('https://elsewhere.example').post('/steal').reply(200, '{}')
    const elsewhereGet = nock('https://elsewhere.example').get('/steal').reply(200, '{}')

    const error = await lastFailure(send())

    expect(redirect.isDone()).toBe(true)
    expect(elsewhere.isDone()).toBe(false)
    expect(elsewhereGet.isDone()).toBe(false)
    expect(error).toBeInstanceOf(RefoldApiError)
    expect((error as RefoldApiError).status).toBe(302)
    expect(isRetryable(error)).toBe(false)
    nock.cleanAll() // the two unused targets are the point of this test
  })
})

describe('trigger: network errors', () => {
  it('turns a refused connection into a NetworkError naming the host and "connection refused"', async () => {
    const scope = nock(BASE)
      .post(EVENT_PATH)
      .replyWithError(socketError('ECONNREFUSED', 'connect ECONNREFUSED'))
    const error = await lastFailure(send())
    expect(scope.isDone()).toBe(true)
    expect(error).toBeInstanceOf(NetworkError)
    const network = error as NetworkError
    expect(network.host).toBe('api.refold.test')
    expect(network.message).toContain('api.refold.test')
    expect(network.message).toContain('connection refused')
    expect(network.message).toContain('Release Published')
    expect(network.message).not.toMatch(/\n\s+at /)
    expect(network.message).not.toContain(API_KEY)
    expect(isRetryable(network)).toBe(true)
  })

  it('names the port too when base_url has one', async () => {
    nock('http://refold.internal:8080')
      .post(EVENT_PATH)
      .replyWithError(socketError('ECONNREFUSED', 'connect ECONNREFUSED'))
    const error = await lastFailure(send({}, { baseUrl: 'http://refold.internal:8080' }))
    expect(error).toBeInstanceOf(NetworkError)
    expect(error.message).toContain('refold.internal:8080')
  })

  it.each([
    ['ECONNRESET', 'connection reset'],
    ['ENOTFOUND', 'host not found'],
    ['ETIMEDOUT', 'connection timed out']
  ])('describes %s as "%s"', async (code, reason) => {
    nock(BASE)
      .post(EVENT_PATH)
      .replyWithError(socketError(code, `socket ${code}`))
    const error = await lastFailure(send())
    expect(error).toBeInstanceOf(NetworkError)
    expect(error.message).toContain(reason)
    expect(error.message).toContain('api.refold.test')
  })

  it('describes a TLS failure as a TLS error', async () => {
    nock(BASE)
      .post(EVENT_PATH)
      .replyWithError(
        socketError('UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'unable to verify the first certificate')
      )
    const error = await lastFailure(send())
    expect(error).toBeInstanceOf(NetworkError)
    expect(error.message).toContain('TLS')
  })

  it('turns an answer slower than timeoutMs into a NetworkError mentioning the timeout', async () => {
    nock(BASE).post(EVENT_PATH).delay(1500).reply(200, '{"message":"Webhook Fired Success"}')
    const started = Date.now()
    const error = await lastFailure(send({}, { timeoutMs: 200 }))
    const elapsed = Date.now() - started
    expect(error).toBeInstanceOf(NetworkError)
    expect(error.message).toMatch(/timeout|timed out/i)
    expect(error.message).toContain('0.2 s')
    expect(error.message).toContain('api.refold.test')
    expect(elapsed).toBeLessThan(1200)
    expect(isRetryable(error)).toBe(true)
  })

  it('times out when the body is slower than timeoutMs, not only the headers', async () => {
    nock(BASE).post(EVENT_PATH).delayBody(1500).reply(200, '{"message":"Webhook Fired Success"}')
    const error = await lastFailure(send({}, { timeoutMs: 200 }))
    expect(error).toBeInstanceOf(NetworkError)
    expect(error.message).toMatch(/timeout/i)
  })
})

describe('listEvents', () => {
  it('GETs the events list with the api key and returns the array', async () => {
    const events = [
      { _id: 'e1', name: 'Release Published', response: {} },
      { _id: 'e2', name: 'Deploy Finished' }
    ]
    const scope = nock(BASE, {
      reqheaders: {
        'x-api-key': API_KEY,
        accept: 'application/json',
        'user-agent': `refold-trigger/${VERSION}`
      }
    })
      .get('/api/v2/public/application/event')
      .reply(200, events)
    const { value: listed } = await client().listEvents()
    expect(scope.isDone()).toBe(true)
    expect(listed).toEqual(events)
  })

  it('filters out malformed entries', async () => {
    nock(BASE)
      .get('/api/v2/public/application/event')
      .reply(200, [
        { _id: 'e1', name: 'Release Published' },
        { _id: 2, name: 'numeric id' },
        { _id: 'e3' },
        { name: 'no id' },
        null,
        'a string',
        42,
        { _id: 'e4', name: 'Deploy Finished' }
      ])
    const { value: listed } = await client().listEvents()
    expect(listed.map(event => event.name)).toEqual(['Release Published', 'Deploy Finished'])
  })

  it('fails with a RefoldApiError when the answer is not an array', async () => {
    nock(BASE).get('/api/v2/public/application/event').reply(200, { docs: [] })
    const error = await lastFailure(client().listEvents())
    expect(error).toBeInstanceOf(RefoldApiError)
    expect(error.message).toMatch(/array/)
  })

  it('fails with a RefoldApiError on a 401', async () => {
    nock(BASE)
      .get('/api/v2/public/application/event')
      .reply(401, { status_code: 401, message: 'Invalid Credentials' })
    const error = await lastFailure(client().listEvents())
    expect(error).toBeInstanceOf(RefoldApiError)
    expect((error as RefoldApiError).status).toBe(401)
    expect(error.message).not.toContain(API_KEY)
  })
})

describe('listExecutions', () => {
  const page = {
    docs: [
      {
        _id: 'x1',
        status: 'COMPLETED',
        associated_event_id: 'e1',
        associated_workflow: { _id: 'w1', name: 'Sync' },
        createdAt: '2025-06-02T12:00:01.000Z'
      }
    ],
    hasNextPage: true,
    nextPage: 2
  }

  it('sends the query params and headers, and parses docs, hasNextPage and nextPage', async () => {
    let sent: Record<string, unknown> | undefined
    const scope = nock(BASE, {
      reqheaders: {
        'x-api-key': API_KEY,
        linked_account_id: LINKED_ACCOUNT,
        accept: 'application/json',
        'user-agent': `refold-trigger/${VERSION}`
      }
    })
      .get('/api/v2/public/execution')
      .query(query => {
        sent = query
        return true
      })
      .reply(200, page)
    const { value: listed } = await client().listExecutions(LINKED_ACCOUNT, {
      page: 1,
      limit: 50,
      startDate: '2025-06-02',
      slug: 'hubspot'
    })
    expect(scope.isDone()).toBe(true)
    expect(sent).toEqual({
      page: '1',
      limit: '50',
      execution_source: 'Event',
      start_date: '2025-06-02',
      sortAsc: 'false',
      slug: 'hubspot'
    })
    expect(listed).toEqual(page)
  })

  it('leaves slug out of the query when it is not set', async () => {
    let sent: Record<string, unknown> | undefined
    const scope = nock(BASE)
      .get('/api/v2/public/execution')
      .query(query => {
        sent = query
        return true
      })
      .reply(200, { docs: [], hasNextPage: false, nextPage: null })
    const { value: listed } = await client().listExecutions(LINKED_ACCOUNT, {
      page: 3,
      limit: 20,
      startDate: '2025-01-31'
    })
    expect(scope.isDone()).toBe(true)
    // newest first (sortAsc=false), so the executions of an event just fired are on page 1
    expect(sent).toEqual({
      page: '3',
      limit: '20',
      execution_source: 'Event',
      start_date: '2025-01-31',
      sortAsc: 'false'
    })
    expect(listed).toEqual({ docs: [], hasNextPage: false, nextPage: null })
  })

  it('reads a missing hasNextPage as false', async () => {
    nock(BASE).get('/api/v2/public/execution').query(true).reply(200, { docs: page.docs })
    const { value: listed } = await client().listExecutions(LINKED_ACCOUNT, {
      page: 1,
      limit: 50,
      startDate: '2025-06-02'
    })
    expect(listed.hasNextPage).toBe(false)
    expect(listed.docs).toEqual(page.docs)
  })

  it('fails with a RefoldApiError when the answer has no docs array', async () => {
    nock(BASE).get('/api/v2/public/execution').query(true).reply(200, '<html>maintenance</html>')
    const error = await lastFailure(
      client().listExecutions(LINKED_ACCOUNT, { page: 1, limit: 50, startDate: '2025-06-02' })
    )
    expect(error).toBeInstanceOf(RefoldApiError)
    expect(error.message).toContain('HTML page')
  })
})

describe('listExecutions: the page is checked, its docs only once they matched', () => {
  const doc = {
    _id: 'x1',
    status: 'COMPLETED',
    associated_event_id: 'e1',
    createdAt: '2025-06-02T12:00:01.000Z'
  }
  const list = (body: unknown) => {
    nock(BASE)
      .get('/api/v2/public/execution')
      .query(true)
      .reply(200, body as nock.Body)
    return client()
      .listExecutions(LINKED_ACCOUNT, { page: 1, limit: 50, startDate: '2025-06-02' })
      .then(({ value }) => value)
  }

  it.each([
    [{ docs: [], hasNextPage: 'yes' }, 'hasNextPage is a string, not true or false'],
    [{ docs: [], hasNextPage: true, nextPage: '2' }, 'nextPage is a string, not a page number'],
    [{ docs: [], hasNextPage: true, nextPage: 0 }, 'nextPage is a number, not a page number'],
    [{ docs: {} }, 'expected an object with a docs array'],
    [{ docs: null }, 'expected an object with a docs array'],
    [[doc], 'expected an object with a docs array']
  ])(
    'fails with a retryable MalformedAnswerError on a page that is not one: %j',
    async (body, problem) => {
      const error = await lastFailure(list(body))
      expect(error).toBeInstanceOf(MalformedAnswerError)
      expect(isRetryable(error)).toBe(true)
      expect(error.message).toContain(problem)
    }
  )

  it('never quotes the bad value, which may be long or hostile', async () => {
    const error = await lastFailure(list({ docs: [], hasNextPage: 'x'.repeat(9999) }))
    expect(error.message).toContain('hasNextPage is a string')
    expect(error.message.length).toBeLessThan(300)
  })

  it('drops a doc that is not an object and leaves out a field of another type, so one odd doc does not break the page', async () => {
    const listed = await list({
      docs: [
        null,
        'x1',
        [doc],
        {
          ...doc,
          _id: 7,
          status: { s: 1 },
          createdAt: 1_717_329_601_000,
          config_id: null,
          custom_trigger_id: null,
          instance_tag: 5,
          name: 12,
          completion_time: false,
          associated_workflow: 'w1',
          extra: { ignored: true }
        },
        {
          ...doc,
          _id: 'x2',
          associated_event_id: ['e1'],
          config_id: 'c1',
          instance_tag: 'run-1/acme-corp',
          completion_time: '2025-06-02T12:00:09.000Z',
          associated_workflow: { _id: 3, name: 'Sync' }
        }
      ],
      hasNextPage: null,
      nextPage: null
    })
    expect(listed).toStrictEqual({
      docs: [
        { associated_event_id: 'e1' },
        {
          _id: 'x2',
          status: 'COMPLETED',
          createdAt: doc.createdAt,
          config_id: 'c1',
          instance_tag: 'run-1/acme-corp',
          completion_time: '2025-06-02T12:00:09.000Z',
          associated_workflow: { name: 'Sync' }
        }
      ],
      hasNextPage: false,
      nextPage: null
    })
  })

  it('readExecutionPage never throws, whatever the value', () => {
    for (const value of [null, 42, 'text', [], {}, { docs: null }]) {
      expect(typeof readExecutionPage(value)).toBe('string')
    }
    expect(readExecutionPage({ docs: [undefined, 1, {}] })).toEqual({
      docs: [{}],
      hasNextPage: false,
      nextPage: undefined
    })
  })
})

describe('readExecution: a matched execution, checked', () => {
  it('needs an id and a createdAt that is a date', () => {
    expect(readExecution({ createdAt: '2025-06-02T12:00:01Z' })).toBe('has no _id')
    expect(readExecution({ _id: 'x1' })).toBe('has no createdAt')
    for (const createdAt of ['yesterday', '', '1', '2025-06-02T25:00:00Z', '02/06/2025']) {
      expect(readExecution({ _id: 'x1', createdAt })).toBe('has a createdAt that is not a date')
    }
  })

  it('upper-cases the status, and leaves it undefined when there is none to read', () => {
    const created = '2025-06-02T12:00:01.000Z'
    expect(readExecution({ _id: 'x1', createdAt: created, status: ' completed ' })).toEqual({
      _id: 'x1',
      status: 'COMPLETED',
      createdAt: created,
      created: Date.parse(created)
    })
    for (const status of [undefined, '', '  ']) {
      const execution = readExecution({ _id: 'x1', createdAt: created, status })
      expect(execution).toEqual(expect.not.objectContaining({ status: expect.anything() }))
    }
  })

  it('keeps the labels and reads the finish time when it is a date', () => {
    expect(
      readExecution({
        _id: 'x1',
        createdAt: '2025-06-02T12:00:01Z',
        name: 'Sync run',
        associated_workflow: { _id: 'w1', name: 'Sync' },
        completion_time: '2025-06-02T12:00:31Z'
      })
    ).toMatchObject({
      name: 'Sync run',
      associated_workflow: { _id: 'w1', name: 'Sync' },
      finished: Date.parse('2025-06-02T12:00:31Z')
    })
    expect(
      readExecution({ _id: 'x1', createdAt: '2025-06-02T12:00:01Z', completion_time: 'soon' })
    ).not.toHaveProperty('finished')
  })
})

describe('parseTimestamp', () => {
  it.each([
    ['2026-12-06T04:50:00Z', '2026-12-06T04:50:00.000Z'],
    ['2026-12-06T04:50:00', '2026-12-06T04:50:00.000Z'],
    ['2026-12-06T04:50:00.000', '2026-12-06T04:50:00.000Z'],
    ['2026-12-06 04:50:00.25', '2026-12-06T04:50:00.250Z'],
    ['2026-12-06T04:50', '2026-12-06T04:50:00.000Z'],
    ['2026-12-06T05:50:00+01:00', '2026-12-06T04:50:00.000Z'],
    ['2026-12-06T05:50:00+0100', '2026-12-06T04:50:00.000Z'],
    ['2026-12-06', '2026-12-06T00:00:00.000Z']
  ])('reads %s as %s: a time without a zone is UTC', (text, utc) => {
    expect(parseTimestamp(text)).toBe(Date.parse(utc))
  })

  it.each([
    '',
    'yesterday',
    '1',
    '1717329601000',
    'Mon, 02 Jun 2025 12:00:01 GMT',
    '2026-12-06T04:50:00 PM'
  ])('is NaN for %j', text => {
    expect(parseTimestamp(text)).toBeNaN()
  })
})

describe('listExecutions without a start date', () => {
  it('leaves start_date out when Refold refused it, and sends the linked account', async () => {
    let sent: Record<string, unknown> | undefined
    const scope = nock(BASE, { reqheaders: { linked_account_id: 'globex' } })
      .get('/api/v2/public/execution')
      .query(query => {
        sent = query
        return true
      })
      .reply(200, { docs: [] })
    await client().listExecutions('globex', { page: 1, limit: 50 })
    expect(scope.isDone()).toBe(true)
    expect(sent).not.toHaveProperty('start_date')
  })
})

describe('getExecution', () => {
  it('GETs one execution by its encoded id for the linked account, and reads the failed step', async () => {
    const scope = nock(BASE, {
      reqheaders: {
        'x-api-key': API_KEY,
        linked_account_id: LINKED_ACCOUNT,
        accept: 'application/json',
        'user-agent': `refold-trigger/${VERSION}`
      }
    })
      .get('/api/v2/public/execution/x%2F1')
      .reply(200, {
        _id: 'x/1',
        name: 'Sync',
        status: 'ERRORED',
        nodes: [
          { name: 'Fetch', status: 'COMPLETED' },
          { name: 'Push', status: 'ERRORED', error: { message: 'HubSpot said 401' } }
        ]
      })
    const { value, attempts } = await client().getExecution(LINKED_ACCOUNT, 'x/1')
    expect(scope.isDone()).toBe(true)
    expect(value).toEqual({
      _id: 'x/1',
      name: 'Sync',
      status: 'ERRORED',
      failedNode: { name: 'Push', error: 'HubSpot said 401' }
    })
    expect(attempts).toEqual([{ outcome: 'HTTP 200' }])
  })

  it('fails with a MalformedAnswerError when the answer has no id', async () => {
    nock(BASE).get('/api/v2/public/execution/x1').reply(200, { status: 'ERRORED' })
    const error = await lastFailure(client().getExecution(LINKED_ACCOUNT, 'x1'))
    expect(error).toBeInstanceOf(MalformedAnswerError)
    expect(error.message).toContain('_id is missing, not a text')
  })
})

describe('stopExecution', () => {
  it('POSTs the stop of one execution, by its encoded id, for the linked account', async () => {
    const scope = nock(BASE, {
      reqheaders: {
        'x-api-key': API_KEY,
        linked_account_id: LINKED_ACCOUNT,
        accept: 'application/json',
        'user-agent': `refold-trigger/${VERSION}`
      }
    })
      .post('/api/v2/public/execution/x%2F1/stop')
      .reply(200, { message: 'Stopping instance' })
    const { value, attempts } = await client().stopExecution(LINKED_ACCOUNT, 'x/1')
    expect(scope.isDone()).toBe(true)
    expect(value.status).toBe(200)
    expect(attempts).toEqual([{ outcome: 'HTTP 200' }])
  })

  it('makes one attempt only, even when the client retries other calls', async () => {
    const scope = nock(BASE)
      .post('/api/v2/public/execution/x1/stop')
      .reply(503, { message: 'Service Unavailable' })
    const failure = await rejection(client({ retries: 3 }).stopExecution(LINKED_ACCOUNT, 'x1'))
    expect(scope.isDone()).toBe(true)
    expect(failure).toBeInstanceOf(CallFailed)
    expect((failure as CallFailed).attempts).toHaveLength(1)
    expect(nock.pendingMocks()).toEqual([])
  })

  it('passes the limiter', async () => {
    nock(BASE).post('/api/v2/public/execution/x1/stop').reply(200, {})
    const limiter = passThroughLimiter()
    const run = jest.spyOn(limiter, 'run')
    await client({ limiter }).stopExecution(LINKED_ACCOUNT, 'x1')
    expect(run).toHaveBeenCalledTimes(1)
  })
})

describe('listLinkedAccounts', () => {
  it("GETs one page of the org's linked accounts with the org key and no linked_account_id", async () => {
    let sent: Record<string, unknown> | undefined
    const scope = nock(BASE, {
      reqheaders: {
        'x-api-key': API_KEY,
        accept: 'application/json',
        'user-agent': `refold-trigger/${VERSION}`
      },
      badheaders: ['linked_account_id']
    })
      .get('/api/v2/public/linked-account')
      .query(query => {
        sent = query
        return true
      })
      .reply(200, {
        docs: [
          { account_id: 'acme-corp', name: 'Acme', environment: 'production' },
          { account_id: 'globex', name: 'Globex' }
        ],
        hasNextPage: true,
        nextPage: 3
      })
    const { value } = await client().listLinkedAccounts(2, 100)
    expect(scope.isDone()).toBe(true)
    expect(sent).toEqual({ page: '2', limit: '100' })
    expect(value).toEqual({ accounts: ['acme-corp', 'globex'], hasNextPage: true, nextPage: 3 })
  })

  it.each([
    [{ docs: [{ name: 'no id' }] }, 'docs[0].account_id is missing, not a text'],
    [{ docs: [{ account_id: 7 }] }, 'docs[0].account_id is a number, not a text'],
    [{ docs: [], hasNextPage: 'no' }, 'hasNextPage is a string, not true or false'],
    [[], 'expected an object with a docs array']
  ])('fails with a MalformedAnswerError on %j', async (body, problem) => {
    nock(BASE)
      .get('/api/v2/public/linked-account')
      .query(true)
      .reply(200, body as nock.Body)
    const error = await lastFailure(client().listLinkedAccounts(1, 100))
    expect(error).toBeInstanceOf(MalformedAnswerError)
    expect(error.message).toContain(problem)
  })
})

describe('retries and the rate limiter, owned by the client', () => {
  it('retries a 503 and returns the 200 with every attempt, sending the same request each time', async () => {
    const clock = virtualClock({ random: 0 })
    const onRetry = jest.fn<(line: string) => void>()
    const sent: { key: unknown; body: string }[] = []
    const scope = nock(BASE)
      .post(EVENT_PATH)
      .times(2)
      .reply(function (_uri, body) {
        sent.push({ key: this.req.headers['idempotency-key'], body: JSON.stringify(body) })
        return sent.length === 1
          ? [503, '{"http_error_type":"SERVICE_UNAVAILABLE","message":"busy"}']
          : [200, '{"message":"Webhook Fired Success"}']
      })
    const { value, attempts } = await send({}, { retries: 3, clock, onRetry })
    expect(scope.isDone()).toBe(true)
    expect(value.status).toBe(200)
    expect(attempts).toEqual([
      { outcome: 'HTTP 503 SERVICE_UNAVAILABLE', waitMs: 500 },
      { outcome: 'HTTP 200' }
    ])
    expect(clock.sleeps).toEqual([500])
    expect(onRetry).toHaveBeenCalledTimes(1)
    expect(onRetry.mock.calls[0][0]).toMatch(
      /^Attempt 1 of 4 failed: .*HTTP 503.*Retrying in 0.5 s\.$/
    )
    expect(sent[1]).toEqual(sent[0])
    expect(sent[0].key).toBe(trigger.idempotencyKey)
  })

  it('makes one attempt with retries: 0 and gives up naming it', async () => {
    nock(BASE).post(EVENT_PATH).reply(503, '')
    const error = await rejection(send())
    expect(error).toBeInstanceOf(CallFailed)
    expect((error as CallFailed).attempts).toEqual([{ outcome: 'HTTP 503' }])
    expect((error as CallFailed).gaveUp).toBe('Gave up after 1 attempt')
    expect(error.message).toMatch(/^Gave up after 1 attempt \(api\.refold\.test\)\. Last error: /)
  })

  it('does not retry a 401, however many retries are allowed', async () => {
    const scope = nock(BASE).post(EVENT_PATH).reply(401, '{"message":"Invalid Credentials"}')
    const clock = virtualClock()
    const error = await rejection(send({}, { retries: 5, clock }))
    expect(scope.isDone()).toBe(true)
    expect((error as CallFailed).attempts).toEqual([{ outcome: 'HTTP 401' }])
    expect((error as CallFailed).gaveUp).toBeUndefined()
    expect(clock.sleeps).toEqual([])
  })

  it('retries an answer of the wrong shape, like a 5xx', async () => {
    nock(BASE).get('/api/v2/public/application/event').reply(200, { docs: [] })
    nock(BASE)
      .get('/api/v2/public/application/event')
      .reply(200, [{ _id: 'e1', name: 'E' }])
    const { value, attempts } = await client({ retries: 1 }).listEvents()
    expect(value).toEqual([{ _id: 'e1', name: 'E' }])
    expect(attempts).toEqual([
      { outcome: 'HTTP 200, an answer of the wrong shape', waitMs: 500 },
      { outcome: 'HTTP 200' }
    ])
  })

  it("passes every attempt through the limiter, and pauses it for a 429's Retry-After", async () => {
    const clock = virtualClock()
    const limiter = new Limiter({ ratePerSecond: 100, burst: 5, concurrency: 5 }, clock)
    const run = jest.spyOn(limiter, 'run')
    const pause = jest.spyOn(limiter, 'pause')
    nock(BASE)
      .post(EVENT_PATH)
      .reply(429, '{"message":"Too Many Requests"}', { 'Retry-After': '2' })
    nock(BASE).post(EVENT_PATH).reply(200, '{"message":"Webhook Fired Success"}')
    const { attempts } = await send({}, { retries: 3, clock, limiter })
    expect(run).toHaveBeenCalledTimes(2)
    expect(pause.mock.calls).toEqual([[2000]])
    expect(clock.sleeps).toEqual([2000])
    expect(attempts).toEqual([{ outcome: 'HTTP 429', waitMs: 2000 }, { outcome: 'HTTP 200' }])
  })

  it('pauses the limiter for the backoff when a 403 "Rate Limit Hit" has no Retry-After', async () => {
    const limiter = passThroughLimiter()
    nock(BASE).post(EVENT_PATH).reply(403, '{"message":"Rate Limit Hit"}')
    nock(BASE).post(EVENT_PATH).reply(200, '{}')
    await send({}, { retries: 1, limiter, clock: virtualClock({ random: 0 }) })
    expect(limiter.pauses).toEqual([500])
  })

  it("does not pause the limiter for a 503, which is this call's trouble only", async () => {
    const limiter = passThroughLimiter()
    nock(BASE).post(EVENT_PATH).reply(503, '')
    nock(BASE).post(EVENT_PATH).reply(200, '{}')
    await send({}, { retries: 1, limiter })
    expect(limiter.pauses).toEqual([])
  })
})

describe('parseApiError', () => {
  it('takes the request id from the x-request-id header when the body has none', () => {
    const error = parseApiError(
      { status: 500, body: '{"message":"boom"}', headers: { 'x-request-id': 'hdr-1' } },
      'trigger event "E"'
    )
    expect(error.details.requestId).toBe('hdr-1')
  })

  it('ignores blank fields', () => {
    const error = parseApiError(
      { status: 400, body: '{"error_code":"  ","error":"REAL","message":""}', headers: {} },
      'trigger event "E"'
    )
    expect(error.details.errorCode).toBe('REAL')
    expect(error.details.refoldMessage).toBeUndefined()
  })

  it('shortens a long text body', () => {
    const error = parseApiError(
      { status: 500, body: 'x'.repeat(1000), headers: {} },
      'trigger event "E"'
    )
    expect(error.message.length).toBeLessThan(400)
  })
})
