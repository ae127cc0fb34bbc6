import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { afterEach, describe, expect, it } from '@jest/globals'
import { Ajv2020 } from 'ajv/dist/2020.js'
import formats from 'ajv-formats'
import {
  DEFAULT_API_KEY,
  FAKE_ORG_ID,
  makeLinkedAccounts,
  startFakeRefold,
  type Execution,
  type ExecutionPage,
  type FakeRefold,
  type FakeRefoldOptions
} from '../test/fake-refold.js'
import {
  DEFAULT_EVENTS,
  EVENTS_WITH_SCHEMA,
  EXECUTION_NOT_FOUND,
  LINKED_ACCOUNT_NOT_FOUND,
  RELEASE_SCHEMA,
  ROUTE_NAMES,
  createRefoldModel,
  type Answer,
  type ExecutionDetail,
  type LinkedAccountPage,
  type RefoldModelOptions
} from '../test/refold-model.js'

import { virtualClock } from './helpers/common.js'
const TRIGGER = '/api/v2/public/event'
const EVENTS = '/api/v2/public/application/event'
const EXECUTIONS = '/api/v2/public/execution'
const LINKED_ACCOUNTS = '/api/v2/public/linked-account'
const ACCOUNT = 'acme@example.com'
const DAY_MS = 24 * 60 * 60 * 1000

const running: FakeRefold[] = []

afterEach(async () => {
  await Promise.all(running.splice(0).map(fake => fake.close()))
})

async function start(options?: FakeRefoldOptions): Promise<FakeRefold> {
  const fake = await startFakeRefold(options)
  running.push(fake)
  return fake
}

function trigger(
  fake: FakeRefold,
  event: string,
  headers: Record<string, string> = {}
): Promise<Response> {
  return fetch(fake.url + TRIGGER, {
    method: 'POST',
    headers: {
      'x-api-key': DEFAULT_API_KEY,
      linked_account_id: ACCOUNT,
      'content-type': 'application/json',
      ...headers
    },
    body: JSON.stringify({ event, payload: { tag: 'v1.2.3' } })
  })
}

async function listExecutions(
  fake: FakeRefold,
  query = '',
  account = ACCOUNT
): Promise<ExecutionPage> {
  const res = await fetch(`${fake.url}${EXECUTIONS}?${query}`, {
    headers: { 'x-api-key': DEFAULT_API_KEY, linked_account_id: account }
  })
  expect(res.status).toBe(200)
  return (await res.json()) as ExecutionPage
}

function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms))
}

function execution(overrides: Partial<Execution> & Pick<Execution, 'createdAt'>): Execution {
  return {
    _id: Math.random().toString(16).slice(2),
    name: 'Execution for workflow 66a1f0c2e4b0a1b2c3d4e5ff',
    status: 'COMPLETED',
    associated_event_id: '66a1f0c2e4b0a1b2c3d4e501',
    associated_workflow: { _id: '66a1f0c2e4b0a1b2c3d4e5ff', name: 'Post release notes to Slack' },
    linked_account_id: ACCOUNT,
    updatedAt: overrides.createdAt,
    ...overrides
  }
}

const quickWorkflow = {
  name: 'Notify Slack',
  slug: 'slack',
  steps: [
    { status: 'RUNNING', afterMs: 0 },
    { status: 'COMPLETED', afterMs: 150 }
  ]
}

describe('trigger', () => {
  it('listens on 127.0.0.1 and accepts a known event with a valid key', async () => {
    const fake = await start()
    expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)

    const res = await trigger(fake, 'Release Published', { 'Idempotency-Key': 'run-42' })

    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    expect(Number.isNaN(Date.parse(res.headers.get('date') ?? ''))).toBe(false)
    expect(await res.json()).toEqual({ message: 'Webhook Fired Success' })
  })

  it('answers 401 for a missing or unknown key', async () => {
    const fake = await start({ apiKeys: ['tk_only_this_one'] })
    const unauthorized = {
      status_code: 401,
      http_error_type: 'UNAUTHORIZED',
      error_code: 'SERVER_ERROR',
      message: 'Invalid Credentials'
    }

    const unknown = await trigger(fake, 'Release Published', { 'x-api-key': DEFAULT_API_KEY })
    const missing = await fetch(fake.url + TRIGGER, { method: 'POST', body: '{}' })

    expect(unknown.status).toBe(401)
    expect(await unknown.json()).toEqual(unauthorized)
    expect(missing.status).toBe(401)
    expect(await missing.json()).toEqual(unauthorized)
    expect(
      (await trigger(fake, 'Release Published', { 'x-api-key': 'tk_only_this_one' })).status
    ).toBe(200)
  })

  it('answers 404 for an event name that does not match exactly', async () => {
    const fake = await start()

    const res = await trigger(fake, 'release published')

    expect(res.status).toBe(404)
    expect(await res.text()).toBe(
      '{"status_code":404,"http_error_type":"NOT_FOUND","error_code":"INVALID_EVENT","message":"Trigger not found"}'
    )
  })

  it('answers 400 without linked_account_id or with a body that is not JSON', async () => {
    const fake = await start()

    const noAccount = await trigger(fake, 'Release Published', { linked_account_id: '' })
    const notJson = await fetch(fake.url + TRIGGER, {
      method: 'POST',
      headers: {
        'x-api-key': DEFAULT_API_KEY,
        linked_account_id: ACCOUNT,
        'content-type': 'application/json'
      },
      body: '{"event": "Release Published",'
    })

    expect(noAccount.status).toBe(400)
    expect(await noAccount.json()).toEqual({
      status_code: 400,
      http_error_type: 'BAD_REQUEST',
      error_code: 'INVALID_REQUEST',
      message: 'linked_account_id header is required'
    })
    expect(notJson.status).toBe(400)
    expect(await notJson.json()).toMatchObject({
      status_code: 400,
      http_error_type: 'BAD_REQUEST',
      error_code: 'INVALID_REQUEST'
    })
  })

  it('treats a body not declared as JSON as empty', async () => {
    const fake = await start()

    const res = await trigger(fake, 'Release Published', { 'content-type': 'text/plain' })

    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ message: 'event is required' })
  })

  it('records every request, and the triggers apart', async () => {
    const fake = await start()

    await trigger(fake, 'Release Published', { config_id: 'cfg-1' })
    await fetch(`${fake.url}${EVENTS}?verbose=1`, { headers: { 'x-api-key': DEFAULT_API_KEY } })

    expect(fake.requests.map(r => `${r.method} ${r.path}`)).toEqual([
      `POST ${TRIGGER}`,
      `GET ${EVENTS}`
    ])
    expect(fake.requests[1].query).toEqual({ verbose: '1' })
    const [recorded] = fake.triggers()
    expect(fake.triggers()).toHaveLength(1)
    expect(recorded.headers).toMatchObject({ linked_account_id: ACCOUNT, config_id: 'cfg-1' })
    expect(recorded.json).toEqual({ event: 'Release Published', payload: { tag: 'v1.2.3' } })
    expect(recorded.body).toBe(JSON.stringify(recorded.json))
    expect(recorded.at).toBeLessThanOrEqual(Date.now())
  })
})

describe('events list', () => {
  it('returns the configured events as a bare array, behind the key check', async () => {
    const fake = await start()

    const res = await fetch(fake.url + EVENTS, { headers: { 'x-api-key': DEFAULT_API_KEY } })
    const denied = await fetch(fake.url + EVENTS, { headers: { 'x-api-key': 'pk_wrong' } })

    expect(res.status).toBe(200)
    const events = (await res.json()) as Array<{ _id: string; name: string }>
    expect(events.map(e => e.name)).toEqual(
      expect.arrayContaining(['Release Published', 'Deployment Finished'])
    )
    expect(events.every(e => /^[0-9a-f]{24}$/.test(e._id))).toBe(true)
    expect(denied.status).toBe(401)
  })
})

describe('script', () => {
  it('uses each scripted answer once, in order, then answers as usual', async () => {
    const fake = await start()
    fake.script(
      'trigger',
      { status: 503, body: 'upstream unavailable', headers: { 'retry-after': '1' } },
      { status: 429, body: { message: 'slow down' } }
    )

    const first = await trigger(fake, 'Release Published')
    const second = await trigger(fake, 'Release Published')
    const third = await trigger(fake, 'Release Published')

    expect(first.status).toBe(503)
    expect(first.headers.get('retry-after')).toBe('1')
    expect(await first.text()).toBe('upstream unavailable')
    expect(second.status).toBe(429)
    expect(second.headers.get('content-type')).toMatch(/^application\/json/)
    expect(await second.json()).toEqual({ message: 'slow down' })
    expect(third.status).toBe(200)
    expect(fake.triggers()).toHaveLength(3)
  })

  it('keeps each route its own queue', async () => {
    const fake = await start()
    fake.script('events', { status: 500 })

    expect((await trigger(fake, 'Release Published')).status).toBe(200)
    const events = await fetch(fake.url + EVENTS, { headers: { 'x-api-key': DEFAULT_API_KEY } })
    expect(events.status).toBe(500)
    expect(await events.text()).toBe('')
  })

  it('delays an answer, which without status or body is the usual one', async () => {
    const fake = await start()
    fake.script('trigger', { delayMs: 200, headers: { 'x-request-id': 'req-1' } })

    const started = Date.now()
    const res = await trigger(fake, 'Release Published')

    expect(Date.now() - started).toBeGreaterThanOrEqual(190)
    expect(res.status).toBe(200)
    expect(res.headers.get('x-request-id')).toBe('req-1')
    expect(await res.json()).toEqual({ message: 'Webhook Fired Success' })
  })

  it('drops the connection without answering', async () => {
    const fake = await start()
    fake.script('trigger', { drop: true })

    await expect(trigger(fake, 'Release Published')).rejects.toThrow()
    expect(fake.triggers()).toHaveLength(1)
    expect(fake.executions()).toEqual([])
  })

  it('hangs until the client gives up', async () => {
    const fake = await start()
    fake.script('events', { hang: true })

    const started = Date.now()
    const res = fetch(fake.url + EVENTS, {
      headers: { 'x-api-key': DEFAULT_API_KEY },
      signal: AbortSignal.timeout(200)
    })

    await expect(res).rejects.toThrow()
    expect(Date.now() - started).toBeGreaterThanOrEqual(190)
  })

  it('starts executions for a scripted 200 trigger', async () => {
    const fake = await start({ workflows: { 'Release Published': [quickWorkflow] } })
    fake.script('trigger', { status: 200, body: { message: 'Webhook Fired Success' } })

    await trigger(fake, 'Release Published')

    expect(fake.executions().map(e => e.status)).toEqual(['RUNNING'])
  })
})

describe('executions', () => {
  it('creates one per workflow on an accepted trigger, its status advancing over time', async () => {
    const fake = await start({
      workflows: {
        'Release Published': [
          quickWorkflow,
          { name: 'Open Jira ticket', slug: 'jira', steps: [{ status: 'ERRORED', afterMs: 0 }] }
        ]
      }
    })

    const before = Date.now()
    await trigger(fake, 'Release Published', { config_id: 'cfg-1' })
    await trigger(fake, 'Deployment Finished')
    const first = await listExecutions(fake, 'sortAsc=true')

    expect(first.docs).toHaveLength(2)
    const slack = first.docs.find(doc => doc.slug === 'slack')
    expect(slack).toMatchObject({
      status: 'RUNNING',
      name: expect.stringMatching(/^Execution for workflow [0-9a-f]{24}$/),
      associated_event_id: '66a1f0c2e4b0a1b2c3d4e501',
      associated_workflow: { name: 'Notify Slack' },
      linked_account_id: ACCOUNT,
      config_id: 'cfg-1'
    })
    expect(slack?.completion_time).toBeUndefined()
    expect(Date.parse(slack?.createdAt ?? '')).toBeGreaterThanOrEqual(before)
    expect(first.docs.find(doc => doc.slug === 'jira')).toMatchObject({
      status: 'ERRORED',
      completion_time: expect.any(String)
    })

    await sleep(200)
    const later = await listExecutions(fake)
    const slackLater = later.docs.find(doc => doc.slug === 'slack')
    expect(slackLater).toMatchObject({ _id: slack?._id, status: 'COMPLETED' })
    expect(Date.parse(slackLater?.completion_time ?? '')).toBe(
      Date.parse(slackLater?.createdAt ?? '') + 150
    )
    expect(fake.executions().map(e => e.status)).toEqual(['COMPLETED', 'ERRORED'])
  })

  it('lists an execution only once its first step is reached', async () => {
    const fake = await start({
      workflows: {
        'Release Published': [{ name: 'Slow start', steps: [{ status: 'RUNNING', afterMs: 150 }] }]
      }
    })

    await trigger(fake, 'Release Published')
    expect((await listExecutions(fake)).totalDocs).toBe(0)

    await sleep(200)
    expect((await listExecutions(fake)).docs.map(doc => doc.status)).toEqual(['RUNNING'])
  })

  it('runs only the workflows of the slug header, giving it to those without one', async () => {
    const fake = await start({
      workflows: {
        'Release Published': [
          quickWorkflow,
          { name: 'Any app', steps: [{ status: 'RUNNING', afterMs: 0 }] }
        ]
      }
    })

    await trigger(fake, 'Release Published', { slug: 'hubspot' })

    expect(fake.executions()).toEqual([
      expect.objectContaining({
        slug: 'hubspot',
        associated_workflow: expect.objectContaining({ name: 'Any app' })
      })
    ])
  })

  it('does not start executions for a rejected trigger', async () => {
    const fake = await start({ workflows: { 'Release Published': [quickWorkflow] } })

    await trigger(fake, 'Release Published', { 'x-api-key': 'pk_wrong' })
    fake.script('trigger', { status: 500 })
    await trigger(fake, 'Release Published')

    expect(fake.executions()).toEqual([])
  })

  it('lists only the linked account of the request, and requires one', async () => {
    const now = Date.now()
    const fake = await start({
      executions: [
        execution({ createdAt: new Date(now).toISOString() }),
        execution({ createdAt: new Date(now).toISOString(), linked_account_id: 'other' })
      ]
    })

    expect((await listExecutions(fake)).totalDocs).toBe(1)
    expect((await listExecutions(fake, '', 'other')).totalDocs).toBe(1)
    const noAccount = await fetch(fake.url + EXECUTIONS, {
      headers: { 'x-api-key': DEFAULT_API_KEY }
    })
    expect(noAccount.status).toBe(400)
  })

  it('paginates newest first by default', async () => {
    const now = Date.now()
    const fake = await start({
      executions: [0, 1, 2].map(minutes =>
        execution({ _id: `e${minutes}`, createdAt: new Date(now - minutes * 60_000).toISOString() })
      )
    })

    const first = await listExecutions(fake, 'limit=2')
    const second = await listExecutions(fake, 'limit=2&page=2')
    const ascending = await listExecutions(fake, 'sortAsc=true')

    expect(first).toMatchObject({
      totalDocs: 3,
      limit: 2,
      page: 1,
      totalPages: 2,
      hasNextPage: true,
      hasPrevPage: false,
      nextPage: 2,
      prevPage: null,
      pagingCounter: 1
    })
    expect(first.docs.map(doc => doc._id)).toEqual(['e0', 'e1'])
    expect(second).toMatchObject({ page: 2, hasNextPage: false, nextPage: null, prevPage: 1 })
    expect(second.docs.map(doc => doc._id)).toEqual(['e2'])
    expect(ascending.docs.map(doc => doc._id)).toEqual(['e2', 'e1', 'e0'])
  })

  it('keeps executions from the start of the start_date day on', async () => {
    const now = Date.now()
    const today = new Date(now).toISOString().slice(0, 10)
    const fake = await start({
      executions: [
        execution({ _id: 'yesterday', createdAt: new Date(now - DAY_MS).toISOString() }),
        execution({ _id: 'midnight', createdAt: `${today}T00:00:00.000Z` }),
        execution({ _id: 'now', createdAt: new Date(now).toISOString() })
      ]
    })

    const page = await listExecutions(fake, `start_date=${today}&execution_source=Event`)
    const bad = await fetch(`${fake.url}${EXECUTIONS}?start_date=yesterday`, {
      headers: { 'x-api-key': DEFAULT_API_KEY, linked_account_id: ACCOUNT }
    })

    expect(page.docs.map(doc => doc._id).sort()).toEqual(['midnight', 'now'])
    expect(bad.status).toBe(400)
  })

  it('filters by a comma-separated slug list', async () => {
    const createdAt = new Date().toISOString()
    const fake = await start({
      executions: [
        execution({ _id: 'slack', slug: 'slack', createdAt }),
        execution({ _id: 'jira', slug: 'jira', createdAt }),
        execution({ _id: 'hubspot', slug: 'hubspot', createdAt }),
        execution({ _id: 'none', createdAt })
      ]
    })

    const page = await listExecutions(fake, 'slug=slack,jira')

    expect(page.docs.map(doc => doc._id).sort()).toEqual(['jira', 'slack'])
  })
})

describe('close', () => {
  it('returns promptly with a request hanging, failing that request', async () => {
    const fake = await startFakeRefold()
    fake.script('trigger', { hang: true })
    const hung = trigger(fake, 'Release Published')
    while (fake.triggers().length === 0) await sleep(10)

    const started = Date.now()
    await fake.close()

    expect(Date.now() - started).toBeLessThan(1000)
    await expect(hung).rejects.toThrow()
    await expect(fetch(fake.url + EVENTS)).rejects.toThrow()
    await fake.close()
  })

  it('cancels a delayed answer', async () => {
    const fake = await startFakeRefold()
    fake.script('trigger', { delayMs: 10_000 })
    const delayed = trigger(fake, 'Release Published')
    while (fake.triggers().length === 0) await sleep(10)

    await fake.close()

    await expect(delayed).rejects.toThrow()
  })
})

// ---------------------------------------------------------------------------------------------
// The model alone, on a virtual clock: what unit tests of the client, wait and fan-out drive.

function modelWith(options: RefoldModelOptions = {}) {
  const clock = virtualClock({ start: Date.parse('2024-03-05T12:00:00Z') })
  const model = createRefoldModel({ now: clock.now, ...options })
  const key = { 'x-api-key': DEFAULT_API_KEY }
  const fire = (event = 'Release Published', account = ACCOUNT, headers = {}) =>
    model.handle({
      method: 'POST',
      path: TRIGGER,
      headers: {
        ...key,
        linked_account_id: account,
        'content-type': 'application/json',
        ...headers
      },
      json: { event, payload: {} }
    })
  const list = (query: Record<string, string> = {}, account = ACCOUNT) =>
    model.handle({
      method: 'GET',
      path: EXECUTIONS,
      query,
      headers: { ...key, linked_account_id: account }
    })
  const detail = (id: string, account = ACCOUNT) =>
    model.handle({
      method: 'GET',
      path: `${EXECUTIONS}/${encodeURIComponent(id)}`,
      headers: { ...key, linked_account_id: account }
    })
  const accounts = (query: Record<string, string> = {}) =>
    model.handle({ method: 'GET', path: LINKED_ACCOUNTS, query, headers: key })
  const stop = (id: string, account = ACCOUNT, headers: Record<string, string> = {}) =>
    model.handle({
      method: 'POST',
      path: `${EXECUTIONS}/${encodeURIComponent(id)}/stop`,
      headers: { ...key, linked_account_id: account, ...headers }
    })
  const events = () => model.handle({ method: 'GET', path: EVENTS, headers: key })
  return { clock, model, fire, list, detail, accounts, stop, events }
}

const docsOf = (answer: Answer) => (answer.body as ExecutionPage).docs

describe('the model on a virtual clock', () => {
  it('advances a triggered execution through its steps as the clock moves, with no real time passing', () => {
    const { clock, model, fire, list } = modelWith({
      workflows: {
        'Release Published': [
          {
            name: 'Slow start',
            steps: [
              { status: 'QUEUED', afterMs: 2_000 },
              { status: 'RUNNING', afterMs: 5_000 },
              { status: 'COMPLETED', afterMs: 60_000 }
            ]
          }
        ]
      }
    })
    const firedAt = clock.now()

    expect(fire()).toEqual({ status: 200, body: { message: 'Webhook Fired Success' } })
    expect(docsOf(list())).toEqual([])
    clock.advance(2_000)
    expect(docsOf(list()).map(doc => doc.status)).toEqual(['QUEUED'])
    clock.advance(58_000)
    const [done] = docsOf(list())
    expect(done).toMatchObject({
      status: 'COMPLETED',
      createdAt: new Date(firedAt).toISOString(),
      completion_time: new Date(firedAt + 60_000).toISOString()
    })
    expect(model.executions()).toEqual([done])
  })

  it('serves scheduled executions: appearing later, their createdAt kept, other events included', () => {
    const t0 = Date.parse('2024-03-05T12:00:00Z')
    const { clock, list } = modelWith({
      executions: [
        {
          doc: {
            _id: 'late',
            name: 'late run',
            associated_event_id: 'evt-release',
            linked_account_id: ACCOUNT,
            createdAt: new Date(t0 + 19_000).toISOString()
          },
          steps: [
            { status: 'RUNNING', afterMs: 20_000 },
            { status: 'ERRORED', afterMs: 35_000 }
          ]
        },
        {
          doc: {
            _id: 'other-event',
            name: 'deploy run',
            associated_event_id: 'evt-other',
            linked_account_id: ACCOUNT
          },
          steps: [{ status: 'COMPLETED', afterMs: 0 }]
        },
        execution({ _id: 'static', createdAt: new Date(t0 - 1000).toISOString() })
      ]
    })

    expect(docsOf(list()).map(doc => doc._id)).toEqual(['other-event', 'static'])
    clock.advance(20_000)
    const listed = docsOf(list())
    expect(listed.map(doc => [doc._id, doc.status])).toEqual([
      ['late', 'RUNNING'],
      ['other-event', 'COMPLETED'],
      ['static', 'COMPLETED']
    ])
    expect(listed[0].createdAt).toBe(new Date(t0 + 19_000).toISOString())
    clock.advance(15_000)
    expect(docsOf(list())[0]).toMatchObject({ _id: 'late', status: 'ERRORED' })
  })

  it('cuts a larger limit to maxPageSize, so a client must follow nextPage', () => {
    const createdAt = new Date(Date.parse('2024-03-05T12:00:00Z')).toISOString()
    const { list } = modelWith({
      maxPageSize: 2,
      executions: ['a', 'b', 'c'].map(_id => execution({ _id, createdAt }))
    })

    const first = list({ limit: '50' }).body as ExecutionPage
    const last = list({ limit: '50', page: '2' }).body as ExecutionPage

    expect(first).toMatchObject({ limit: 2, totalPages: 2, hasNextPage: true, nextPage: 2 })
    expect(first.docs).toHaveLength(2)
    expect(last).toMatchObject({ hasNextPage: false, nextPage: null })
    expect(last.docs).toHaveLength(1)
  })

  it('reads header names in any case', () => {
    const { model } = modelWith()

    const answer = model.handle({
      method: 'GET',
      path: EVENTS,
      headers: { 'X-Api-Key': DEFAULT_API_KEY }
    })

    expect(answer.status).toBe(200)
  })

  it("records each execution's finish on the model's clock, once it is reached", () => {
    const { clock, model, fire } = modelWith({
      workflows: {
        'Release Published': [
          {
            name: 'Five seconds',
            steps: [
              { status: 'RUNNING', afterMs: 0 },
              { status: 'COMPLETED', afterMs: 5_000 }
            ]
          },
          { name: 'Fails fast', steps: [{ status: 'ERRORED', afterMs: 1_000 }] }
        ]
      }
    })
    const firedAt = clock.now()
    fire()

    expect(model.finishes()).toEqual([])
    expect(model.lastFinishAt()).toBeUndefined()
    clock.advance(1_000)
    expect(model.finishes()).toEqual([
      expect.objectContaining({
        workflow: 'Fails fast',
        status: 'ERRORED',
        finishedAt: firedAt + 1_000
      })
    ])
    clock.advance(10_000)
    expect(model.finishes().map(f => [f.workflow, f.linked_account_id])).toEqual([
      ['Fails fast', ACCOUNT],
      ['Five seconds', ACCOUNT]
    ])
    expect(model.lastFinishAt()).toBe(firedAt + 5_000)
  })
})

describe('rate limit', () => {
  const RATE_LIMITED = {
    status_code: 429,
    http_error_type: 'TOO_MANY_REQUESTS',
    error_code: 'RATE_LIMIT',
    message: 'Rate Limit Hit'
  }

  it('admits a burst, then one request per 1/perSecond, answering 429 with Retry-After above it', () => {
    const { clock, model, fire, list } = modelWith({ rateLimit: { perSecond: 20, burst: 5 } })

    const burst = [fire(), list(), fire(), list(), fire()]
    const over = fire()

    expect(burst.map(a => a.status)).toEqual([200, 200, 200, 200, 200])
    expect(over).toEqual({ status: 429, body: RATE_LIMITED, headers: { 'retry-after': '1' } })
    clock.advance(49)
    expect(list().status).toBe(429)
    clock.advance(1)
    expect(list().status).toBe(200)
    expect(list().status).toBe(429)
    expect(model.stats()).toMatchObject({
      total: 9,
      rateLimited: 3,
      requests: { trigger: 4, executions: 5 }
    })
  })

  it('refills no further than the burst', () => {
    const { clock, fire } = modelWith({ rateLimit: { perSecond: 20, burst: 5 } })

    clock.advance(60_000)
    const statuses = Array.from({ length: 7 }, () => fire().status)

    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429])
  })

  it('gives Retry-After in whole seconds, rounded up', () => {
    const { fire } = modelWith({ rateLimit: { perSecond: 0.25, burst: 1 } })

    fire()

    expect(fire().headers).toEqual({ 'retry-after': '4' })
  })

  it('lets a client at exactly the rate through without a single 429', () => {
    const { clock, model, fire } = modelWith({
      rateLimit: { perSecond: 20, burst: 5 },
      linkedAccounts: makeLinkedAccounts(200)
    })

    for (const account of model.linkedAccounts()) {
      expect(fire('Release Published', account.account_id).status).toBe(200)
      clock.advance(50)
    }

    expect(model.stats().rateLimited).toBe(0)
  })

  it('does not limit without the option', () => {
    const { model, fire } = modelWith()

    for (let i = 0; i < 100; i++) fire()

    expect(model.stats()).toMatchObject({ total: 100, rateLimited: 0 })
  })
})

describe('linked accounts', () => {
  it('lists the accounts 10 a page by default, with the paging fields', () => {
    const { accounts } = modelWith({ linkedAccounts: makeLinkedAccounts(25) })

    const first = accounts().body as LinkedAccountPage
    const third = accounts({ page: '3' }).body as LinkedAccountPage

    expect(first).toMatchObject({
      totalDocs: 25,
      limit: 10,
      page: 1,
      totalPages: 3,
      hasNextPage: true,
      hasPrevPage: false,
      nextPage: 2,
      prevPage: null,
      pagingCounter: 1
    })
    expect(first.docs[0]).toEqual({
      account_id: 'acct-0001',
      name: 'Customer 0001',
      environment: 'production',
      associated_org: FAKE_ORG_ID,
      createdAt: expect.any(String)
    })
    expect(third.docs.map(doc => doc.account_id)).toEqual([
      'acct-0021',
      'acct-0022',
      'acct-0023',
      'acct-0024',
      'acct-0025'
    ])
    expect(third).toMatchObject({ hasNextPage: false, nextPage: null, prevPage: 2 })
  })

  it('takes ids or docs, filling in what a doc leaves out', () => {
    const { model } = modelWith({
      linkedAccounts: ['acme', { account_id: 'globex', name: 'Globex', environment: 'test' }]
    })

    expect(model.linkedAccounts()).toEqual([
      expect.objectContaining({ account_id: 'acme', name: 'acme', environment: 'production' }),
      expect.objectContaining({ account_id: 'globex', name: 'Globex', environment: 'test' })
    ])
  })

  it('refuses an account not in the list on every account-scoped route', () => {
    const { fire, list, detail } = modelWith({ linkedAccounts: [ACCOUNT] })
    const unknown = {
      status: 404,
      body: {
        status_code: 404,
        http_error_type: 'NOT_FOUND',
        error_code: 'LINKED_ACCOUNT_NOT_FOUND',
        message: 'Linked account not found'
      }
    }

    expect(fire('Release Published', 'stranger')).toEqual(unknown)
    expect(fire('No Such Event', 'stranger')).toEqual(unknown)
    expect(list({}, 'stranger')).toEqual(unknown)
    expect(detail('anything', 'stranger')).toEqual(unknown)
    expect(fire('Release Published', ACCOUNT).status).toBe(200)
  })

  it('accepts any account, and lists none, without the option', () => {
    const { fire, accounts } = modelWith()

    expect(fire('Release Published', 'anyone').status).toBe(200)
    expect(accounts().body).toMatchObject({ docs: [], totalDocs: 0, hasNextPage: false })
  })

  it('needs a valid key and takes positive integers for page and limit', () => {
    const { model } = modelWith({ linkedAccounts: makeLinkedAccounts(3) })
    const get = (headers: Record<string, string>, query: Record<string, string> = {}) =>
      model.handle({ method: 'GET', path: LINKED_ACCOUNTS, headers, query }).status

    expect(get({ 'x-api-key': 'pk_wrong' })).toBe(401)
    expect(get({ 'x-api-key': DEFAULT_API_KEY }, { limit: '0' })).toBe(400)
    expect(get({ 'x-api-key': DEFAULT_API_KEY }, { page: 'two' })).toBe(400)
  })

  it('makes N accounts with zero-padded ids, in one environment', () => {
    const accounts = makeLinkedAccounts(12_000, { prefix: 'cust', environment: 'test' })

    expect(accounts).toHaveLength(12_000)
    expect(accounts[0].account_id).toBe('cust-00001')
    expect(accounts.at(-1)?.account_id).toBe('cust-12000')
    expect(new Set(accounts.map(a => a.account_id)).size).toBe(12_000)
    expect(accounts.every(a => a.environment === 'test')).toBe(true)
  })
})

describe('execution detail', () => {
  const failing = {
    'Release Published': [
      {
        name: 'Sync CRM',
        slug: 'hubspot',
        steps: [
          { status: 'RUNNING', afterMs: 0, node: 'Fetch contacts' },
          {
            status: 'ERRORED',
            afterMs: 3_000,
            node: 'Upsert contact',
            error: 'HubSpot answered 401: token expired'
          }
        ]
      }
    ]
  }

  it('returns the documented fields, and for a failed step its error text and failed node', () => {
    const { clock, fire, list, detail } = modelWith({ workflows: failing })
    fire('Release Published', ACCOUNT, { config_id: 'cfg-1' })
    const [listed] = docsOf(list())

    const running = detail(listed._id)
    clock.advance(3_000)
    const failed = detail(listed._id)

    expect(running.status).toBe(200)
    expect(running.body).toMatchObject({
      status: 'RUNNING',
      nodes: [{ name: 'Event Trigger' }, { name: 'Fetch contacts', status: 'RUNNING' }]
    })
    expect(running.body).not.toHaveProperty('error')
    expect(failed.status).toBe(200)
    expect(failed.body).toEqual({
      _id: listed._id,
      createdAt: listed.createdAt,
      updatedAt: expect.any(String),
      name: listed.name,
      status: 'ERRORED',
      environment: 'test',
      config_id: 'cfg-1',
      slug: 'hubspot',
      linked_account_id: ACCOUNT,
      associated_event_id: '66a1f0c2e4b0a1b2c3d4e501',
      associated_application: {
        _id: expect.stringMatching(/^[0-9a-f]{24}$/),
        name: 'hubspot',
        icon: expect.any(String)
      },
      associated_workflow: { _id: expect.any(String), name: 'Sync CRM' },
      completion_time: new Date(Date.parse(listed.createdAt) + 3_000).toISOString(),
      instance_execution_time: 3_000,
      error: 'HubSpot answered 401: token expired',
      nodes: [
        {
          _id: expect.any(String),
          name: 'Event Trigger',
          status: 'COMPLETED',
          entered_at: listed.createdAt
        },
        {
          _id: expect.any(String),
          name: 'Fetch contacts',
          status: 'RUNNING',
          entered_at: listed.createdAt
        },
        {
          _id: expect.any(String),
          name: 'Upsert contact',
          status: 'ERRORED',
          entered_at: new Date(Date.parse(listed.createdAt) + 3_000).toISOString(),
          error: 'HubSpot answered 401: token expired'
        }
      ]
    })
  })

  it('puts the error text in the field the step names', () => {
    const { fire, model, detail } = modelWith({
      workflows: {
        'Release Published': [
          {
            name: 'A',
            steps: [
              { status: 'ERRORED', afterMs: 0, error: 'boom', errorField: 'message' as const }
            ]
          },
          {
            name: 'B',
            steps: [
              {
                status: 'TIMED_OUT',
                afterMs: 0,
                error: 'too slow',
                errorField: 'error_message' as const
              }
            ]
          }
        ]
      }
    })
    fire()
    const [a, b] = model.executions().map(e => detail(e._id).body as ExecutionDetail)

    expect(a).toMatchObject({ message: 'boom' })
    expect(a).not.toHaveProperty('error')
    expect(b).toMatchObject({ error_message: 'too slow' })
    expect(a.nodes).toHaveLength(1)
  })

  it('carries no error fields at all with detailErrors: false', () => {
    const { clock, fire, model, detail } = modelWith({ workflows: failing, detailErrors: false })
    fire()
    clock.advance(3_000)

    const body = detail(model.executions()[0]._id).body as ExecutionDetail

    expect(body.status).toBe('ERRORED')
    expect(JSON.stringify(body)).not.toMatch(/"(error|message|error_message)"/)
    expect(body.nodes.at(-1)).toEqual(
      expect.objectContaining({ name: 'Upsert contact', status: 'ERRORED' })
    )
  })

  it("is 404 for an unknown id, another account's execution, or one not listed yet", () => {
    const { clock, model, detail } = modelWith({
      executions: [
        {
          doc: {
            _id: 'later',
            name: 'later run',
            associated_event_id: 'e',
            linked_account_id: ACCOUNT
          },
          steps: [{ status: 'RUNNING', afterMs: 1_000 }]
        }
      ]
    })
    const notFound = {
      status: 404,
      body: {
        status_code: 404,
        http_error_type: 'NOT_FOUND',
        error_code: 'EXECUTION_NOT_FOUND',
        message: 'Execution not found'
      }
    }

    expect(detail('later')).toEqual(notFound)
    clock.advance(1_000)
    expect(detail('0123456789abcdef01234567')).toEqual(notFound)
    expect(detail('later', 'other-account')).toEqual(notFound)
    expect(detail('later').status).toBe(200)
    expect(model.execution('later')).toMatchObject({ _id: 'later', status: 'RUNNING' })
    expect(model.stats().requests.execution).toBe(4)
  })

  it('answers for a static execution with its own fields', () => {
    const createdAt = new Date().toISOString()
    const seeded = {
      ...execution({ _id: 'seeded', createdAt, status: 'ERRORED' }),
      error_message: 'bad'
    }
    const { detail } = modelWith({ executions: [seeded] })

    expect(detail('seeded').body).toMatchObject({
      _id: 'seeded',
      status: 'ERRORED',
      error_message: 'bad',
      nodes: []
    })
  })
})

describe('start_date', () => {
  const t0 = Date.parse('2024-03-05T12:00:00Z')
  const executions = [
    execution({ _id: 'day-before', createdAt: new Date(t0 - DAY_MS).toISOString() }),
    execution({ _id: 'midnight', createdAt: '2024-03-05T00:00:00.000Z' }),
    execution({ _id: 'minute-before', createdAt: new Date(t0 - 60_000).toISOString() }),
    execution({ _id: 'at-t0', createdAt: new Date(t0).toISOString() }),
    execution({ _id: 'after', createdAt: new Date(t0 + 1).toISOString() })
  ]
  const ids = (answer: Answer) =>
    docsOf(answer)
      .map(doc => doc._id)
      .sort()

  it('keeps executions created at or after a date-time, and from the start of a plain date by default', () => {
    const { model, list } = modelWith({ executions })

    expect(ids(list({ start_date: new Date(t0).toISOString() }))).toEqual(['after', 'at-t0'])
    expect(ids(list({ start_date: '2024-03-05T11:59:00+00:00' }))).toEqual([
      'after',
      'at-t0',
      'minute-before'
    ])
    expect(ids(list({ start_date: '2024-03-05' }))).toEqual([
      'after',
      'at-t0',
      'midnight',
      'minute-before'
    ])
    expect(list({ start_date: '5 March' }).status).toBe(400)
    expect(list().status).toBe(200)
    expect(model.stats().startDateQueries).toBe(4)
  })

  it("answers 422 to anything but a full date-time in 'date-time' mode", () => {
    const { list } = modelWith({ executions, startDate: 'date-time' })

    const dateOnly = list({ start_date: '2024-03-05' })
    const noOffset = list({ start_date: '2024-03-05T12:00:00' })

    expect(dateOnly).toEqual({
      status: 422,
      body: {
        status_code: 422,
        http_error_type: 'UNPROCESSABLE_ENTITY',
        error_code: 'VALIDATION_ERROR',
        message: 'start_date must be an ISO 8601 date-time (format: date-time)'
      }
    })
    expect(noOffset.status).toBe(422)
    expect(ids(list({ start_date: '2024-03-05T12:00:00.000Z' }))).toEqual(['after', 'at-t0'])
  })

  it("answers 422 to any start_date in 'reject' mode, and lists without one", () => {
    const { model, list } = modelWith({ executions, startDate: 'reject' })

    expect(list({ start_date: new Date(t0).toISOString() }).status).toBe(422)
    expect(list({ start_date: '2024-03-05' }).status).toBe(422)
    expect(docsOf(list())).toHaveLength(5)
    expect(model.stats().startDateQueries).toBe(2)
  })
})

describe('the default key', () => {
  it("is a test key (tk…), so its executions are in the test environment; a pk key's in production", () => {
    const { model, fire, detail } = modelWith({ apiKeys: [DEFAULT_API_KEY, 'pk_live_other'] })

    fire('Release Published', ACCOUNT)
    fire('Release Published', 'prod-account', { 'x-api-key': 'pk_live_other' })
    const [byTestKey, byProductionKey] = model.executions()

    expect(DEFAULT_API_KEY).toMatch(/^tk_/)
    expect(detail(byTestKey._id).body).toMatchObject({ environment: 'test' })
    expect(detail(byProductionKey._id, 'prod-account').body).toMatchObject({
      environment: 'production'
    })
  })
})

describe('instance_tag', () => {
  const twoWorkflows = {
    'Release Published': [
      { name: 'Post to Slack', steps: [{ status: 'RUNNING', afterMs: 0 }] },
      { name: 'Update Jira', steps: [{ status: 'RUNNING', afterMs: 0 }] }
    ]
  }

  it('is stored on every execution its trigger starts, in the list and the detail, and absent when the trigger sent none', () => {
    const { clock, fire, list, detail } = modelWith({ workflows: twoWorkflows })

    fire('Release Published', ACCOUNT, { instance_tag: 'run-7-attempt-1-acme' })
    clock.advance(1_000)
    fire('Release Published', ACCOUNT)
    const docs = docsOf(list({ sortAsc: 'true' }))

    expect(docs.map(doc => doc.instance_tag)).toEqual([
      'run-7-attempt-1-acme',
      'run-7-attempt-1-acme',
      undefined,
      undefined
    ])
    expect(docs[3]).not.toHaveProperty('instance_tag')
    expect(detail(docs[1]._id).body).toMatchObject({ instance_tag: 'run-7-attempt-1-acme' })
    expect(detail(docs[2]._id).body).not.toHaveProperty('instance_tag')
  })

  it('is never listed with echoInstanceTag: false', () => {
    const { fire, list, detail } = modelWith({ workflows: twoWorkflows, echoInstanceTag: false })

    fire('Release Published', ACCOUNT, { instance_tag: 'run-7-attempt-1-acme' })
    const docs = docsOf(list())

    expect(docs).toHaveLength(2)
    expect(JSON.stringify(docs)).not.toContain('instance_tag')
    expect(JSON.stringify(detail(docs[0]._id).body)).not.toContain('instance_tag')
  })
})

describe('events with a json_schema', () => {
  const validate = new Ajv2020({ strict: false })
  formats.default(validate, ['uri'])
  const matches = validate.compile(RELEASE_SCHEMA)

  it('lists each event with the fields it was given, json_schema included', () => {
    const custom = {
      _id: 'evt-9',
      name: 'Invoice Paid',
      response: 'ok',
      json_schema: { type: 'object' }
    }
    const withSchema = modelWith({ events: EVENTS_WITH_SCHEMA })
    const given = modelWith({ events: [custom] })

    const listed = withSchema.events().body as Array<Record<string, unknown>>

    expect(listed.map(event => event._id)).toEqual(DEFAULT_EVENTS.map(event => event._id))
    expect(listed.find(event => event.name === 'Release Published')).toEqual({
      _id: DEFAULT_EVENTS[0]._id,
      name: 'Release Published',
      json_schema: RELEASE_SCHEMA
    })
    expect(listed.filter(event => 'json_schema' in event)).toHaveLength(1)
    expect(given.events().body).toEqual([custom])
    expect(modelWith().events().body).toEqual(DEFAULT_EVENTS)
    expect(DEFAULT_EVENTS.some(event => 'json_schema' in event)).toBe(false)
  })

  it('RELEASE_SCHEMA wants version and notes as strings and lets other keys through', () => {
    expect(matches({ version: '2.4.0', notes: 'Fixes', github: { sha: 'abc' } })).toBe(true)
    expect(matches({ version: 240, notes: 'Fixes' })).toBe(false)
    expect(matches({ version: '2.4.0' })).toBe(false)
    expect(matches({ version: '2.4.0', notes: ['Fixes'] })).toBe(false)
  })

  it('runs the default workflows of Release Published with the schema listed', () => {
    const { model, fire } = modelWith({ events: EVENTS_WITH_SCHEMA })

    fire('Release Published')

    expect(model.executions()).toEqual([
      expect.objectContaining({ associated_event_id: DEFAULT_EVENTS[0]._id, status: 'RUNNING' })
    ])
  })
})

describe('statuses', () => {
  it('lists free-form step statuses as given: running, completed, errored stay lower-case', () => {
    const { clock, fire, list, detail } = modelWith({
      workflows: {
        'Release Published': [
          {
            name: 'Lower-case',
            steps: [
              { status: 'running', afterMs: 0, node: 'Fetch' },
              { status: 'completed', afterMs: 1_000 }
            ]
          },
          {
            name: 'Fails lower-case',
            steps: [
              { status: 'running', afterMs: 0 },
              { status: 'errored', afterMs: 2_000, node: 'Post', error: 'boom' }
            ]
          }
        ]
      }
    })
    fire()
    const statuses = () =>
      docsOf(list())
        .map(doc => doc.status)
        .sort()

    expect(statuses()).toEqual(['running', 'running'])
    clock.advance(1_000)
    expect(statuses()).toEqual(['completed', 'running'])
    clock.advance(1_000)
    expect(statuses()).toEqual(['completed', 'errored'])
    const failed = docsOf(list()).find(doc => doc.status === 'errored')!
    expect(detail(failed._id).body).toMatchObject({ status: 'errored', error: 'boom' })
  })
})

describe('zonelessTimes', () => {
  const lateFinish = {
    'Release Published': [
      {
        name: 'Two steps',
        steps: [
          { status: 'RUNNING', afterMs: 0, node: 'Start' },
          { status: 'COMPLETED', afterMs: 1_500 }
        ]
      }
    ]
  }

  it('prints createdAt, updatedAt and completion_time as UTC wall time without Z, list and detail', () => {
    const { clock, model, fire, list, detail } = modelWith({
      workflows: lateFinish,
      zonelessTimes: true
    })
    const firedAt = clock.now()
    fire()
    clock.advance(1_500)

    const [listed] = docsOf(list())
    const shown = detail(listed._id).body as ExecutionDetail

    const started = new Date(firedAt).toISOString().slice(0, -1)
    const finished = new Date(firedAt + 1_500).toISOString().slice(0, -1)
    expect(started).toBe('2024-03-05T12:00:00.000')
    expect(listed).toMatchObject({
      createdAt: started,
      updatedAt: finished,
      completion_time: finished
    })
    expect(shown).toMatchObject({
      createdAt: started,
      updatedAt: finished,
      completion_time: finished
    })
    expect(shown.nodes.map(node => node.entered_at)).toEqual([started, started])
    expect(model.executions()[0].createdAt).toBe(`${started}Z`)
  })

  it('filters start_date on the true times, and prints a given offset as UTC, junk as given', () => {
    const { list } = modelWith({
      zonelessTimes: true,
      executions: [
        execution({ _id: 'offset', createdAt: '2024-03-05T13:00:00+01:00' }),
        execution({ _id: 'zoneless', createdAt: '2024-03-05T12:30:00' }),
        execution({ _id: 'junk', createdAt: 'yesterday' }),
        execution({ _id: 'early', createdAt: '2024-03-05T11:00:00.000Z' })
      ]
    })

    const kept = docsOf(list({ start_date: '2024-03-05T11:30:00.000Z' }))
    const all = docsOf(list())

    expect(kept.map(doc => doc._id)).toContain('offset')
    expect(kept.map(doc => doc._id)).not.toContain('early')
    expect(Object.fromEntries(all.map(doc => [doc._id, doc.createdAt]))).toEqual({
      offset: '2024-03-05T12:00:00.000',
      zoneless: '2024-03-05T12:30:00',
      junk: 'yesterday',
      early: '2024-03-05T11:00:00.000'
    })
  })

  it('keeps the Z by default', () => {
    const { fire, list } = modelWith()
    fire()

    expect(docsOf(list())[0].createdAt).toMatch(/Z$/)
  })
})

describe('a linked-account list that ends early', () => {
  const page = (answer: Answer) => answer.body as LinkedAccountPage

  it('linkedAccountsEndAfter: pages stop after N accounts while totalDocs keeps the true total', () => {
    const { accounts } = modelWith({
      linkedAccounts: makeLinkedAccounts(250),
      linkedAccountsEndAfter: 100
    })

    const pages = [1, 2, 3, 4, 5].map(n => page(accounts({ page: String(n), limit: '30' })))
    const whole = page(accounts({ limit: '100' }))

    expect(pages.map(p => [p.docs.length, p.hasNextPage, p.nextPage, p.totalDocs])).toEqual([
      [30, true, 2, 250],
      [30, true, 3, 250],
      [30, true, 4, 250],
      [10, false, null, 250],
      [0, false, null, 250]
    ])
    expect(pages[3].docs.at(-1)?.account_id).toBe('acct-0100')
    expect(pages[0].totalPages).toBe(9)
    expect(whole).toMatchObject({ hasNextPage: false, totalDocs: 250 })
    expect(whole.docs).toHaveLength(100)
  })

  it('lists every account, totalDocs agreeing, without the option', () => {
    const { accounts } = modelWith({ linkedAccounts: makeLinkedAccounts(250) })

    expect(page(accounts({ page: '4', limit: '30' }))).toMatchObject({
      hasNextPage: true,
      totalDocs: 250
    })
    expect(page(accounts({ page: '9', limit: '30' })).docs).toHaveLength(10)
  })
})

describe('stop', () => {
  const slow = {
    'Release Published': [
      {
        name: 'Slow sync',
        steps: [
          { status: 'RUNNING', afterMs: 0, node: 'Fetch' },
          { status: 'RUNNING', afterMs: 10_000, node: 'Upsert' },
          { status: 'COMPLETED', afterMs: 30_000 }
        ]
      }
    ]
  }
  const NOT_RUNNING = {
    status: 409,
    body: {
      status_code: 409,
      http_error_type: 'CONFLICT',
      error_code: 'EXECUTION_NOT_RUNNING',
      message: 'Execution is not running'
    }
  }

  it('stops an in-progress execution at once: STOPPED, completion_time the moment of the stop', () => {
    const { clock, model, fire, list, detail, stop } = modelWith({ workflows: slow })
    const firedAt = clock.now()
    fire()
    const [running] = docsOf(list())
    clock.advance(5_000)

    expect(stop(running._id)).toEqual({ status: 200, body: { message: 'Stopping instance' } })
    clock.advance(60_000)
    const stopTime = new Date(firedAt + 5_000).toISOString()
    expect(docsOf(list())).toEqual([
      expect.objectContaining({
        _id: running._id,
        status: 'STOPPED',
        updatedAt: stopTime,
        completion_time: stopTime
      })
    ])
    const shown = detail(running._id).body as ExecutionDetail
    expect(shown).toMatchObject({ status: 'STOPPED', instance_execution_time: 5_000 })
    expect(shown.nodes.map(node => node.name)).toEqual(['Event Trigger', 'Fetch'])
    expect(model.finishes()).toEqual([
      expect.objectContaining({ _id: running._id, status: 'STOPPED', finishedAt: firedAt + 5_000 })
    ])
    expect(model.stats()).toMatchObject({ stopped: 1, requests: { stop: 1 } })
  })

  it('answers 409 EXECUTION_NOT_RUNNING for a finished execution, stopped ones included, and keeps its status', () => {
    const { clock, model, fire, list, stop } = modelWith({ workflows: slow })
    fire()
    fire()
    const [first, second] = docsOf(list())
    stop(first._id)
    clock.advance(30_000)

    expect(stop(first._id)).toEqual(NOT_RUNNING)
    expect(stop(second._id)).toEqual(NOT_RUNNING)
    expect(
      docsOf(list())
        .map(doc => doc.status)
        .sort()
    ).toEqual(['COMPLETED', 'STOPPED'])
    expect(model.stats()).toMatchObject({ stopped: 1, requests: { stop: 3 } })
  })

  it("is 404 EXECUTION_NOT_FOUND for an unknown id, another account's execution, or one not listed yet", () => {
    const { clock, fire, list, stop } = modelWith({
      workflows: {
        'Release Published': [
          {
            name: 'Late',
            steps: [
              { status: 'RUNNING', afterMs: 2_000 },
              { status: 'COMPLETED', afterMs: 9_000 }
            ]
          }
        ]
      },
      executions: [
        {
          doc: {
            _id: 'later',
            name: 'later run',
            associated_event_id: 'e',
            linked_account_id: ACCOUNT
          },
          steps: [
            { status: 'RUNNING', afterMs: 1_000 },
            { status: 'COMPLETED', afterMs: 5_000 }
          ]
        }
      ]
    })
    fire()

    expect(stop('later')).toEqual(EXECUTION_NOT_FOUND)
    clock.advance(2_000)
    const [listed] = docsOf(list()).filter(doc => doc._id !== 'later')
    expect(stop('0123456789abcdef01234567').status).toBe(404)
    expect(stop(listed._id, 'other-account')).toEqual(EXECUTION_NOT_FOUND)
    expect(stop('later', 'other-account')).toEqual(EXECUTION_NOT_FOUND)
    expect(stop('later').status).toBe(200)
    expect(stop(listed._id).status).toBe(200)
  })

  it('stops a given execution whose status is in progress, in any case, but not a finished one', () => {
    const createdAt = '2024-03-05T11:59:00.000Z'
    const { clock, list, stop } = modelWith({
      executions: [
        execution({ _id: 'queued', createdAt, status: 'queued' }),
        execution({ _id: 'done', createdAt, status: 'COMPLETED' })
      ]
    })
    clock.advance(1_000)

    expect(stop('queued').status).toBe(200)
    expect(stop('queued')).toEqual(NOT_RUNNING)
    expect(stop('done')).toEqual(NOT_RUNNING)
    expect(docsOf(list()).find(doc => doc._id === 'queued')).toMatchObject({
      status: 'STOPPED',
      completion_time: '2024-03-05T12:00:01.000Z'
    })
  })

  it('needs a valid key and a known linked account, like the other account-scoped routes', () => {
    const { fire, list, stop } = modelWith({ workflows: slow, linkedAccounts: [ACCOUNT] })
    fire()
    const [running] = docsOf(list())

    expect(stop(running._id, ACCOUNT, { 'x-api-key': 'tk_wrong' }).status).toBe(401)
    expect(stop(running._id, '').status).toBe(400)
    expect(stop(running._id, 'stranger')).toEqual(LINKED_ACCOUNT_NOT_FOUND)
    expect(docsOf(list())[0].status).toBe('RUNNING')
  })

  it('is the route `stop` for POST only', () => {
    const { model } = modelWith()

    expect(ROUTE_NAMES).toContain('stop')
    expect(model.route('POST', `${EXECUTIONS}/abc/stop`)).toBe('stop')
    expect(model.route('GET', `${EXECUTIONS}/abc/stop`)).toBeUndefined()
    expect(model.route('POST', `${EXECUTIONS}/abc/rerun`)).toBeUndefined()
    expect(model.route('POST', `${EXECUTIONS}//stop`)).toBeUndefined()
  })
})

describe('the rate limit covers every route', () => {
  it('one bucket, 20 a second with bursts of 5, for triggers, lists, details, accounts, stops and unknown paths', () => {
    const { clock, model, fire, list, detail, accounts, stop, events } = modelWith({
      rateLimit: { perSecond: 20, burst: 5 },
      workflows: { 'Release Published': [quickWorkflow] }
    })
    const unknown = () =>
      model.handle({ method: 'GET', path: '/api/v2/public/nowhere', headers: {} })

    fire()
    const [running] = model.executions()
    const burst = [events(), list(), detail(running._id), accounts()]
    const calls = [
      fire,
      list,
      () => detail(running._id),
      accounts,
      () => stop(running._id),
      events,
      unknown
    ]
    const over = calls.map(call => call())

    expect(burst.map(answer => answer.status)).toEqual([200, 200, 200, 200])
    expect(over.map(answer => answer.status)).toEqual([429, 429, 429, 429, 429, 429, 429])
    expect(over.every(answer => answer.headers?.['retry-after'] === '1')).toBe(true)
    clock.advance(50)
    expect(stop(running._id).status).toBe(200)
    expect(unknown().status).toBe(429)
    clock.advance(50)
    expect(unknown().status).toBe(404)
    expect(model.stats()).toMatchObject({
      rateLimited: 8,
      requests: {
        trigger: 2,
        events: 2,
        executions: 2,
        execution: 2,
        linkedAccounts: 2,
        stop: 2,
        unknown: 3
      }
    })
  })
})

// ---------------------------------------------------------------------------------------------
// The same behaviours over HTTP, and what only the server does.

describe('over HTTP', () => {
  const get = (fake: FakeRefold, path: string, headers: Record<string, string> = {}) =>
    fetch(fake.url + path, { headers: { 'x-api-key': DEFAULT_API_KEY, ...headers } })

  it('lists linked accounts page by page with the org key alone', async () => {
    const fake = await start({ linkedAccounts: makeLinkedAccounts(120) })

    const pages: LinkedAccountPage[] = []
    for (let page = 1; page <= 3; page++) {
      const res = await get(fake, `${LINKED_ACCOUNTS}?page=${page}&limit=50`)
      expect(res.status).toBe(200)
      pages.push((await res.json()) as LinkedAccountPage)
    }
    const denied = await fetch(fake.url + LINKED_ACCOUNTS)

    expect(pages.map(p => [p.docs.length, p.hasNextPage, p.nextPage])).toEqual([
      [50, true, 2],
      [50, true, 3],
      [20, false, null]
    ])
    expect(new Set(pages.flatMap(p => p.docs.map(d => d.account_id))).size).toBe(120)
    expect(denied.status).toBe(401)
  })

  it('refuses a trigger for an account not in the list with 404 LINKED_ACCOUNT_NOT_FOUND', async () => {
    const fake = await start({ linkedAccounts: ['acct-1'] })

    const res = await trigger(fake, 'Release Published', { linked_account_id: 'acct-2' })

    expect(res.status).toBe(404)
    expect(await res.text()).toBe(
      '{"status_code":404,"http_error_type":"NOT_FOUND","error_code":"LINKED_ACCOUNT_NOT_FOUND","message":"Linked account not found"}'
    )
    expect((await trigger(fake, 'Release Published', { linked_account_id: 'acct-1' })).status).toBe(
      200
    )
  })

  it('answers 429 with Retry-After above the rate, before any scripted answer, and counts it', async () => {
    const fake = await start({ rateLimit: { perSecond: 0.2, burst: 2 } })
    fake.script('events', { status: 503 })

    const statuses = []
    let limited: Response | undefined
    for (let i = 0; i < 4; i++) {
      const res = await get(fake, EVENTS)
      statuses.push(res.status)
      if (res.status === 429) limited = res
    }

    expect(statuses).toEqual([503, 200, 429, 429])
    expect(limited?.headers.get('retry-after')).toMatch(/^[1-9]\d*$/)
    expect(await limited?.json()).toEqual({
      status_code: 429,
      http_error_type: 'TOO_MANY_REQUESTS',
      error_code: 'RATE_LIMIT',
      message: 'Rate Limit Hit'
    })
    expect(fake.stats()).toMatchObject({
      total: 4,
      rateLimited: 2,
      requests: { events: 4, trigger: 0 }
    })
  })

  it('keeps a scripted answer for the first request the rate limit lets through', async () => {
    const fake = await start({ rateLimit: { perSecond: 1, burst: 1 } })

    expect((await get(fake, EVENTS)).status).toBe(200)
    fake.script('events', { status: 502 })
    expect((await get(fake, EVENTS)).status).toBe(429)
    await sleep(1_050)
    expect((await get(fake, EVENTS)).status).toBe(502)
  })

  it('counts requests per route, unknown paths included, and the peak in flight', async () => {
    const fake = await start()
    fake.script('events', { delayMs: 150 }, { delayMs: 150 }, { delayMs: 150 })

    await Promise.all([get(fake, EVENTS), get(fake, EVENTS), get(fake, EVENTS)])
    await get(fake, '/api/v2/public/nowhere')
    await trigger(fake, 'Release Published')

    expect(fake.stats()).toMatchObject({
      requests: { events: 3, trigger: 1, unknown: 1 },
      total: 5,
      inFlight: 0,
      peakInFlight: 3
    })
  })

  it('serves an execution detail, 404 for an unknown id', async () => {
    const fake = await start({
      workflows: {
        'Release Published': [
          {
            name: 'Fails',
            steps: [{ status: 'ERRORED', afterMs: 0, node: 'Call API', error: 'HTTP 500' }]
          }
        ]
      }
    })
    await trigger(fake, 'Release Published')
    const [listed] = fake.executions()

    const res = await get(fake, `${EXECUTIONS}/${listed._id}`, { linked_account_id: ACCOUNT })
    const missing = await get(fake, `${EXECUTIONS}/nope`, { linked_account_id: ACCOUNT })

    expect(res.status).toBe(200)
    const detail = (await res.json()) as ExecutionDetail
    expect(detail).toMatchObject({ _id: listed._id, status: 'ERRORED', error: 'HTTP 500' })
    expect(detail.nodes.at(-1)).toMatchObject({
      name: 'Call API',
      status: 'ERRORED',
      error: 'HTTP 500'
    })
    expect(missing.status).toBe(404)
    expect(await missing.json()).toMatchObject({ error_code: 'EXECUTION_NOT_FOUND' })
  })

  it("filters by a date-time start_date and, in 'reject' mode, refuses it with 422", async () => {
    const now = Date.now()
    const executions = [
      execution({ _id: 'old', createdAt: new Date(now - 120_000).toISOString() }),
      execution({ _id: 'new', createdAt: new Date(now).toISOString() })
    ]
    const lenient = await start({ executions })
    const rejecting = await start({ executions, startDate: 'reject' })
    const since = encodeURIComponent(new Date(now - 60_000).toISOString())

    const page = await listExecutions(lenient, `start_date=${since}`)
    const refused = await fetch(`${rejecting.url}${EXECUTIONS}?start_date=${since}`, {
      headers: { 'x-api-key': DEFAULT_API_KEY, linked_account_id: ACCOUNT }
    })

    expect(page.docs.map(doc => doc._id)).toEqual(['new'])
    expect(refused.status).toBe(422)
    expect((await listExecutions(rejecting)).totalDocs).toBe(2)
    expect(lenient.stats().startDateQueries).toBe(1)
    expect(rejecting.stats().startDateQueries).toBe(1)
  })

  it("dates its answers and executions by the model's clock", async () => {
    const serverTime = Date.parse('2024-03-05T12:00:00Z')
    const fake = await start({ now: () => serverTime })

    const res = await trigger(fake, 'Release Published')

    expect(res.headers.get('date')).toBe('Tue, 05 Mar 2024 12:00:00 GMT')
    expect(fake.executions()[0].createdAt).toBe('2024-03-05T12:00:00.000Z')
    expect(fake.requests[0].at).toBe(serverTime)
    expect(fake.model.lastFinishAt()).toBeUndefined()
  })
})

describe('over HTTP: what the e2e suites of this round script and read', () => {
  const stopPath = (id: string) => `${EXECUTIONS}/${encodeURIComponent(id)}/stop`
  const postStop = (fake: FakeRefold, id: string, headers: Record<string, string> = {}) =>
    fetch(fake.url + stopPath(id), {
      method: 'POST',
      headers: { 'x-api-key': DEFAULT_API_KEY, linked_account_id: ACCOUNT, ...headers }
    })

  it('records each trigger with its instance_tag and Idempotency-Key, and tags its executions', async () => {
    const fake = await start({ workflows: { 'Release Published': [quickWorkflow] } })
    fake.script('trigger', { status: 200, body: { message: 'Webhook Fired Success' } })

    await trigger(fake, 'Release Published', { instance_tag: 'tag-a', 'Idempotency-Key': 'key-1' })
    await trigger(fake, 'Release Published', { instance_tag: 'tag-b', 'Idempotency-Key': 'key-1' })
    const page = await listExecutions(fake, 'sortAsc=true')

    expect(
      fake.triggers().map(r => [r.headers['instance_tag'], r.headers['idempotency-key']])
    ).toEqual([
      ['tag-a', 'key-1'],
      ['tag-b', 'key-1']
    ])
    expect(page.docs.map(doc => doc.instance_tag).sort()).toEqual(['tag-a', 'tag-b'])
  })

  it('stops an execution over HTTP, records the stop with its headers, and counts it', async () => {
    const fake = await start({
      workflows: {
        'Release Published': [
          {
            name: 'Long',
            steps: [
              { status: 'RUNNING', afterMs: 0 },
              { status: 'COMPLETED', afterMs: 60_000 }
            ]
          }
        ]
      }
    })
    await trigger(fake, 'Release Published')
    const [running] = fake.executions()

    const stopped = await postStop(fake, running._id)
    const again = await postStop(fake, running._id)
    const unknown = await postStop(fake, 'nope')

    expect(stopped.status).toBe(200)
    expect(stopped.headers.get('content-type')).toMatch(/^application\/json/)
    expect(await stopped.json()).toEqual({ message: 'Stopping instance' })
    expect(again.status).toBe(409)
    expect(await again.json()).toMatchObject({ error_code: 'EXECUTION_NOT_RUNNING' })
    expect(unknown.status).toBe(404)
    expect((await listExecutions(fake)).docs[0]).toMatchObject({ status: 'STOPPED' })
    expect(fake.stops().map(r => [r.path, r.headers.linked_account_id])).toEqual([
      [stopPath(running._id), ACCOUNT],
      [stopPath(running._id), ACCOUNT],
      [stopPath('nope'), ACCOUNT]
    ])
    expect(fake.stats()).toMatchObject({ stopped: 1, requests: { stop: 3, unknown: 0 } })
  })

  it('scripts the stop route like any other, without stopping anything', async () => {
    const fake = await start({ workflows: { 'Release Published': [quickWorkflow] } })
    await trigger(fake, 'Release Published')
    const [running] = fake.executions()
    fake.script('stop', { status: 500, body: { message: 'stop failed' } })

    const res = await postStop(fake, running._id)

    expect(res.status).toBe(500)
    expect(fake.executions()[0].status).toBe('RUNNING')
  })

  it('answers a scripted 200 trigger with an HTML page byte for byte, with the content-type given', async () => {
    const fake = await start({ workflows: { 'Release Published': [quickWorkflow] } })
    const html = '<!doctype html><html><body><h1>Welcome to nginx!</h1></body></html>'
    fake.script(
      'trigger',
      { status: 200, body: html, headers: { 'content-type': 'text/html' }, accept: false },
      { status: 200, body: html }
    )

    const proxied = await trigger(fake, 'Release Published')
    expect(fake.executions()).toEqual([])
    const reached = await trigger(fake, 'Release Published')

    expect(proxied.status).toBe(200)
    expect(proxied.headers.get('content-type')).toBe('text/html')
    expect(await proxied.text()).toBe(html)
    expect(reached.headers.get('content-type')).toBeNull()
    expect(await reached.text()).toBe(html)
    expect(fake.executions()).toHaveLength(1)
  })

  it('answers a scripted 200 trigger with an empty body, with or without body: ""', async () => {
    const fake = await start()
    fake.script('trigger', { status: 200 }, { status: 204, body: '' })

    const answers = [
      await trigger(fake, 'Release Published'),
      await trigger(fake, 'Release Published')
    ]

    for (const res of answers) {
      expect(res.headers.get('content-type')).toBeNull()
      expect(await res.text()).toBe('')
    }
    expect(answers.map(res => res.status)).toEqual([200, 204])
    expect(answers[0].headers.get('content-length')).toBe('0')
  })

  it('starts executions for a scripted error answer when told accept: true', async () => {
    const fake = await start({ workflows: { 'Release Published': [quickWorkflow] } })
    fake.script('trigger', { status: 502, body: 'Bad Gateway', accept: true }, { status: 502 })

    await trigger(fake, 'Release Published')
    await trigger(fake, 'Release Published')

    expect(fake.executions()).toHaveLength(1)
  })

  it('sends a raw error body as given, so the key can arrive written with \\u escapes', async () => {
    const fake = await start()
    const escaped = DEFAULT_API_KEY.replace(
      /[tk]/g,
      c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
    )
    const raw = `{"status_code":401,"message":"bad key ${escaped}"}`
    fake.script('trigger', {
      status: 401,
      body: raw,
      headers: { 'content-type': 'application/json' }
    })

    const res = await trigger(fake, 'Release Published')
    const text = await res.text()

    expect(res.headers.get('content-type')).toBe('application/json')
    expect(text).toBe(raw)
    expect(text).not.toContain(DEFAULT_API_KEY)
    expect(text).toContain('\\u0074\\u006b_')
    expect(JSON.parse(text)).toEqual({ status_code: 401, message: `bad key ${DEFAULT_API_KEY}` })
  })

  it('answers 429 with Retry-After to every route above 20 a second with bursts of 5', async () => {
    // The model's clock stands still, so no token comes back between the requests.
    const fake = await start({
      now: () => Date.parse('2026-12-06T04:50:00Z'),
      rateLimit: { perSecond: 20, burst: 5 }
    })
    const accountHeaders = { 'x-api-key': DEFAULT_API_KEY, linked_account_id: ACCOUNT }
    const calls = [
      () => trigger(fake, 'Release Published'),
      () => fetch(fake.url + EVENTS, { headers: { 'x-api-key': DEFAULT_API_KEY } }),
      () => fetch(fake.url + EXECUTIONS, { headers: accountHeaders }),
      () => fetch(`${fake.url}${EXECUTIONS}/x`, { headers: accountHeaders }),
      () => fetch(fake.url + LINKED_ACCOUNTS, { headers: { 'x-api-key': DEFAULT_API_KEY } }),
      () => postStop(fake, 'x'),
      () => fetch(`${fake.url}/nowhere`)
    ]

    const answers: Response[] = []
    for (const call of [...calls, ...calls]) answers.push(await call())

    expect(answers.map(res => res.status)).toEqual([
      200, 200, 200, 404, 200, 429, 429, 429, 429, 429, 429, 429, 429, 429
    ])
    expect(answers.slice(5).every(res => res.headers.get('retry-after') === '1')).toBe(true)
    expect(fake.stats()).toMatchObject({
      rateLimited: 9,
      requests: { stop: 2, unknown: 2, linkedAccounts: 2, execution: 2 }
    })
  })
})

describe('standalone', () => {
  it('runs as `node test/fake-refold.js`, with linked accounts from the environment', async () => {
    const child = spawn(process.execPath, ['test/fake-refold.js'], {
      env: {
        PATH: process.env.PATH,
        PORT: '0',
        FAKE_LINKED_ACCOUNTS: '3',
        FAKE_RATE_LIMIT: '50/10'
      },
      stdio: ['ignore', 'pipe', 'inherit']
    })
    try {
      let output = ''
      child.stdout.setEncoding('utf8')
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: string) => {
          output += chunk
          const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)
          if (match) resolve(match[1])
        })
        child.once('exit', code => reject(new Error(`exited with ${code}: ${output}`)))
      })

      const res = await fetch(url + LINKED_ACCOUNTS, { headers: { 'x-api-key': DEFAULT_API_KEY } })

      expect(res.status).toBe(200)
      expect(((await res.json()) as LinkedAccountPage).totalDocs).toBe(3)
      const exited = once(child, 'exit')
      child.kill('SIGTERM')
      await exited
      expect(output).toMatch(/"rateLimited":0/)
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL')
    }
  })
})
