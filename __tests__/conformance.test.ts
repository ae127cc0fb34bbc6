// The requests the action sends, held to the project's schemas of Refold's API (test/refold-api/).
import { afterEach, describe, expect, it } from '@jest/globals'
import {
  OPERATIONS,
  allConformanceErrors,
  assertConforming,
  conformanceErrors,
  type WireRequest
} from '../test/conformance.js'
import { DEFAULT_API_KEY, startFakeRefold, type FakeRefold } from '../test/fake-refold.js'
import { fireSampleEvent } from '../test/run-action.js'

const ACCOUNT = 'acme@example.com'
const KEY_HEADER = { 'x-api-key': DEFAULT_API_KEY }
const ACCOUNT_HEADERS = { ...KEY_HEADER, linked_account_id: ACCOUNT }
// What Node's HTTP client adds to every request; the schemas must let it through.
const TRANSPORT_HEADERS = { host: '127.0.0.1:4000', connection: 'close' }

function request(overrides: Partial<WireRequest>): WireRequest {
  return {
    method: 'GET',
    path: '/',
    query: {},
    headers: {},
    body: '',
    json: undefined,
    ...overrides
  }
}

function trigger(
  overrides: Partial<WireRequest> = {},
  headers: Record<string, string> = {}
): WireRequest {
  const json = { event: 'Release Published', payload: { tag: 'v2.4.0' } }
  return request({
    method: 'POST',
    path: '/api/v2/public/event',
    headers: {
      ...TRANSPORT_HEADERS,
      ...ACCOUNT_HEADERS,
      'content-type': 'application/json',
      accept: 'application/json',
      'user-agent': 'refold-trigger/1.0.0',
      'idempotency-key': 'acme/shop-api/1/1/notify/refold/Release%20Published/acme%40example.com',
      ...headers
    },
    body: JSON.stringify(json),
    json,
    ...overrides
  })
}

function withoutHeader(sample: WireRequest, name: string): WireRequest {
  const headers = { ...sample.headers }
  delete headers[name]
  return { ...sample, headers }
}

function executionsQuery(query: Record<string, string> = {}): WireRequest {
  return request({
    path: '/api/v2/public/execution',
    headers: { ...TRANSPORT_HEADERS, ...ACCOUNT_HEADERS },
    query: {
      page: '1',
      limit: '50',
      execution_source: 'Event',
      start_date: '2026-12-02T09:29:00.000Z',
      sortAsc: 'false',
      ...query
    }
  })
}

function withBody(json: unknown): Partial<WireRequest> {
  return { body: JSON.stringify(json), json }
}

const VALID_SAMPLES: Record<string, WireRequest[]> = {
  'trigger an event': [
    trigger(),
    trigger({}, { config_id: 'cfg-7', slug: 'hubspot' }),
    trigger(withBody({ event: 'Release Published', payload: {} })),
    trigger({}, { 'content-type': 'application/json; charset=utf-8' }),
    trigger({}, { instance_tag: 'acme/shop-api/1/2/acme%40example.com' })
  ],
  'list events': [
    request({
      path: '/api/v2/public/application/event',
      headers: { ...TRANSPORT_HEADERS, ...KEY_HEADER }
    })
  ],
  'list executions': [
    executionsQuery(),
    executionsQuery({ slug: 'slack,jira', end_date: '2026-12-02T10:00:00+01:00' }),
    request({ path: '/api/v2/public/execution', headers: ACCOUNT_HEADERS })
  ],
  'get an execution': [
    request({ path: '/api/v2/public/execution/66a1f0c2e4b0a1b2c3d4e9f0', headers: ACCOUNT_HEADERS })
  ],
  'stop an execution': [
    request({
      method: 'POST',
      path: '/api/v2/public/execution/66a1f0c2e4b0a1b2c3d4e9f0/stop',
      headers: { ...TRANSPORT_HEADERS, ...ACCOUNT_HEADERS, 'content-length': '0' }
    })
  ],
  'list linked accounts': [
    request({ path: '/api/v2/public/linked-account', headers: KEY_HEADER }),
    request({
      path: '/api/v2/public/linked-account',
      headers: KEY_HEADER,
      query: { page: '3', limit: '100' }
    })
  ]
}

describe('the schemas of Refold API requests', () => {
  it('cover every operation the action calls, each with valid samples here', () => {
    expect(OPERATIONS.map(op => op.name).sort()).toEqual(Object.keys(VALID_SAMPLES).sort())
  })

  it.each(Object.entries(VALID_SAMPLES))('a valid "%s" request conforms', (_name, samples) => {
    for (const sample of samples) expect(conformanceErrors(sample)).toEqual([])
    expect(() => assertConforming(samples)).not.toThrow()
  })
})

describe('a request that drifts from Refold API is caught', () => {
  it('a date-only start_date, named with the date-time format it misses', () => {
    expect(conformanceErrors(executionsQuery({ start_date: '2026-12-02' }))).toEqual([
      'GET /api/v2/public/execution (list executions): query parameter start_date "2026-12-02" ' +
        'is not a date-time (the spec says format: date-time)'
    ])
  })

  it('a date-time without a time zone, and a date-only end_date', () => {
    const problems = conformanceErrors(
      executionsQuery({ start_date: '2026-12-02T09:29:00', end_date: '2026-12-03' })
    )
    expect(problems).toHaveLength(2)
    expect(problems[0]).toMatch(/query parameter start_date .* is not a date-time/)
    expect(problems[1]).toMatch(/query parameter end_date "2026-12-03" is not a date-time/)
  })

  it.each([
    ['a trigger', trigger()],
    ['an events list', VALID_SAMPLES['list events'][0]],
    ['an executions list', executionsQuery()],
    ['an execution detail', VALID_SAMPLES['get an execution'][0]],
    ['a linked-accounts list', VALID_SAMPLES['list linked accounts'][0]],
    ['a stop', VALID_SAMPLES['stop an execution'][0]]
  ])('%s request without x-api-key', (_name, sample) => {
    const problems = conformanceErrors(withoutHeader(sample, 'x-api-key'))
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/: header x-api-key is missing$/)
  })

  it('an empty x-api-key, without quoting any key', () => {
    const problems = conformanceErrors(trigger({}, { 'x-api-key': '' }))
    expect(problems).toEqual([
      'POST /api/v2/public/event (trigger an event): header x-api-key is empty'
    ])
  })

  it.each([
    ['an array', [1, 2], 'an array'],
    ['a string', '{"tag":"v2"}', 'text'],
    ['null', null, 'null'],
    ['a number', 7, 'a number']
  ])('a payload that is %s, not an object', (_label, payload, kind) => {
    expect(conformanceErrors(trigger(withBody({ event: 'Release Published', payload })))).toEqual([
      `POST /api/v2/public/event (trigger an event): body.payload must be a JSON object, not ${kind}`
    ])
  })

  it('a trigger without a payload, or without an event', () => {
    expect(conformanceErrors(trigger(withBody({ event: 'Release Published' })))).toEqual([
      'POST /api/v2/public/event (trigger an event): body.payload is missing'
    ])
    expect(conformanceErrors(trigger(withBody({ payload: {} })))).toEqual([
      'POST /api/v2/public/event (trigger an event): body.event is missing'
    ])
  })

  it('a trigger body key Refold does not read', () => {
    const json = { event: 'Release Published', payload: {}, linked_account_id: ACCOUNT }
    expect(conformanceErrors(trigger(withBody(json)))).toEqual([
      'POST /api/v2/public/event (trigger an event): body.linked_account_id is not in the spec of this operation'
    ])
  })

  it('a trigger body that is not JSON, or no body at all', () => {
    expect(conformanceErrors(trigger({ body: '{"event": ', json: undefined }))).toEqual([
      'POST /api/v2/public/event (trigger an event): body must be a JSON object, not text'
    ])
    expect(conformanceErrors(trigger({ body: '', json: undefined }))).toEqual([
      'POST /api/v2/public/event (trigger an event): the body is missing (or is not JSON)'
    ])
  })

  it('a trigger without content-type application/json', () => {
    expect(conformanceErrors(withoutHeader(trigger(), 'content-type'))).toEqual([
      'POST /api/v2/public/event (trigger an event): header content-type is missing'
    ])
    expect(conformanceErrors(trigger({}, { 'content-type': 'text/plain;charset=UTF-8' }))).toEqual([
      'POST /api/v2/public/event (trigger an event): header content-type "text/plain;charset=UTF-8" is not application/json'
    ])
  })

  it('a trigger or an executions query without linked_account_id', () => {
    expect(conformanceErrors(withoutHeader(trigger(), 'linked_account_id'))).toEqual([
      'POST /api/v2/public/event (trigger an event): header linked_account_id is missing'
    ])
    expect(conformanceErrors(withoutHeader(executionsQuery(), 'linked_account_id'))).toEqual([
      'GET /api/v2/public/execution (list executions): header linked_account_id is missing'
    ])
  })

  it('a stop without linked_account_id, or with a body the operation does not take', () => {
    const stop = VALID_SAMPLES['stop an execution'][0]
    const prefix = `POST ${stop.path} (stop an execution): `
    expect(conformanceErrors(withoutHeader(stop, 'linked_account_id'))).toEqual([
      `${prefix}header linked_account_id is missing`
    ])
    expect(conformanceErrors({ ...stop, ...withBody({ reason: 'cancelled' }) })).toEqual([
      `${prefix}body must not be sent`
    ])
  })

  it('an empty instance_tag on a trigger', () => {
    expect(conformanceErrors(trigger({}, { instance_tag: '' }))).toEqual([
      'POST /api/v2/public/event (trigger an event): header instance_tag is empty'
    ])
  })

  it('a linked_account_id header on the org-level linked-accounts list', () => {
    const sample = request({ path: '/api/v2/public/linked-account', headers: ACCOUNT_HEADERS })
    expect(conformanceErrors(sample)).toEqual([
      'GET /api/v2/public/linked-account (list linked accounts): header linked_account_id must not be sent'
    ])
  })

  it('query values outside the declared types and enums', () => {
    const problems = conformanceErrors(
      executionsQuery({ page: '0', limit: 'ten', execution_source: 'EVENT', sortAsc: 'False' })
    )
    const prefix = 'GET /api/v2/public/execution (list executions): '
    expect(problems).toEqual([
      `${prefix}query parameter page "0" is not a positive integer (the spec says integer)`,
      `${prefix}query parameter limit "ten" is not a positive integer (the spec says integer)`,
      `${prefix}query parameter execution_source "EVENT" is not one of ["API_CALL","SCHEDULE","Event"]`,
      `${prefix}query parameter sortAsc "False" is not one of ["true","false"]`
    ])
  })

  it('a query parameter the spec does not declare', () => {
    expect(conformanceErrors(executionsQuery({ since: '2026-12-02T09:29:00Z' }))).toEqual([
      'GET /api/v2/public/execution (list executions): query parameter since is not in the spec of this operation'
    ])
    expect(
      conformanceErrors(
        request({
          path: '/api/v2/public/application/event',
          headers: KEY_HEADER,
          query: { page: '2' }
        })
      )
    ).toEqual([
      'GET /api/v2/public/application/event (list events): query parameter page is not in the spec of this operation'
    ])
  })

  it('a GET that carries a body', () => {
    const sample = request({
      path: '/api/v2/public/execution/e1',
      headers: ACCOUNT_HEADERS,
      ...withBody({ id: 'e1' })
    })
    expect(conformanceErrors(sample)).toEqual([
      'GET /api/v2/public/execution/e1 (get an execution): body must not be sent'
    ])
  })

  it.each([
    ['an unknown path', 'GET', '/api/v2/public/executions'],
    ['a known path with another method', 'POST', '/api/v2/public/execution'],
    ['a trigger alias the action does not use', 'POST', '/api/v2/public/event/trigger'],
    ['a route below an execution', 'GET', '/api/v2/public/execution/e1/nodes/n1/batches'],
    ['a stop sent as GET', 'GET', '/api/v2/public/execution/e1/stop'],
    ['a stop without an id', 'POST', '/api/v2/public/execution//stop'],
    ['an execution detail without an id', 'GET', '/api/v2/public/execution/']
  ])('%s', (_label, method, path) => {
    expect(conformanceErrors(request({ method, path, headers: ACCOUNT_HEADERS }))).toEqual([
      `${method} ${path}: no operation of Refold's API has this method and path`
    ])
  })

  it('assertConforming lists every problem of every request, by position', () => {
    const requests = [trigger(), withoutHeader(trigger(), 'x-api-key'), request({ path: '/x' })]
    expect(allConformanceErrors(requests)).toEqual([
      'request 2: POST /api/v2/public/event (trigger an event): header x-api-key is missing',
      "request 3: GET /x: no operation of Refold's API has this method and path"
    ])
    expect(() => assertConforming(requests)).toThrow(
      /Requests that Refold's API does not allow:\nrequest 2: .*\nrequest 3: /
    )
  })
})

// End to end: the bundle (`npm run bundle` first) against the fake Refold, every request it
// received held to the schemas.
describe('dist/index.js sends requests that conform to Refold API', () => {
  let fake: FakeRefold | undefined
  afterEach(async () => {
    await fake?.close()
    fake = undefined
  })

  it('a trigger, with config_id and slug', async () => {
    fake = await startFakeRefold()
    const result = await fireSampleEvent(fake.url, { config_id: 'cfg-7', slug: 'slack' })
    expect(result.exitCode).toBe(0)
    expect(fake.requests.map(r => `${r.method} ${r.path}`)).toEqual(['POST /api/v2/public/event'])
    expect(allConformanceErrors(fake.requests)).toEqual([])
  })

  async function fireAndWait() {
    fake = await startFakeRefold()
    const result = await fireSampleEvent(fake.url, {
      wait: 'true',
      wait_interval: '1',
      wait_timeout: '10'
    })
    expect(result.exitCode).toBe(0)
    const routes = new Set(fake.requests.map(r => `${r.method} ${r.path}`))
    expect(routes).toEqual(
      new Set([
        'POST /api/v2/public/event',
        'GET /api/v2/public/application/event',
        'GET /api/v2/public/execution'
      ])
    )
    return fake.requests
  }

  it('a trigger and a wait: events list and executions queries, start_date a date-time', async () => {
    expect(allConformanceErrors(await fireAndWait())).toEqual([])
  })
})
