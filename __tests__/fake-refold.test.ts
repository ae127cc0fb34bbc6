import { afterEach, describe, expect, it } from '@jest/globals'
import {
  DEFAULT_API_KEY,
  startFakeRefold,
  type Execution,
  type ExecutionPage,
  type FakeRefold,
  type FakeRefoldOptions
} from '../test/fake-refold.js'

const TRIGGER = '/api/v2/public/event'
const EVENTS = '/api/v2/public/application/event'
const EXECUTIONS = '/api/v2/public/execution'
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
