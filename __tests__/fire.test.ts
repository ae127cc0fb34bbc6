// One run, host-free, against a stub client on a virtual clock: which accounts are fired, in
// which order, with which request and key, and what the Outcome says afterwards.
import { describe, expect, it } from '@jest/globals'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { actionNaming } from '../src/action/inputs.js'
import { parseAccounts as parseAccountsNamed } from '../src/core/accounts.js'
import { CallFailed } from '../src/core/errors.js'
import { printRequest, triggerRequest, type TriggerParts } from '../src/core/request.js'
import { run as runRefold, type RunHost } from '../src/core/run.js'
import type { Settings } from '../src/core/settings.js'
import {
  accepted,
  answered,
  apiError,
  callFailed,
  networkError,
  recordingLog,
  settingsFor,
  stubClient,
  TEST_API_KEY,
  virtualClock,
  type StubClient
} from './helpers/common.js'

const KEY_BASE = 'octo/shop/42/release/notify/Release%20Published'
const TAG_BASE = 'octo/shop/42/1/release/notify'
const PAYLOAD = '{"version":"1.2.3"}'

const parseAccounts = (text: string | string[]) => parseAccountsNamed(text, actionNaming)

function setup(overrides: Partial<Settings> = {}, client: StubClient = stubClient()) {
  const clock = virtualClock()
  const log = recordingLog()
  // The check before firing has tests of its own below; elsewhere it stays out of the way.
  const settings = settingsFor({
    payload: { kind: 'inline', text: PAYLOAD },
    githubContext: 'never',
    preflight: 'never',
    ...overrides
  })
  const host: RunHost = {
    clock,
    log,
    proxyEnv: {},
    naming: actionNaming,
    baseDir: process.cwd(),
    keyPrefix: KEY_BASE,
    tagPrefix: TAG_BASE,
    client
  }
  return { client, clock, log, settings, host, run: () => runRefold(settings, host) }
}

/** The accounts the stub was asked to trigger for, in order. */
function triggered(client: StubClient): string[] {
  return client.trigger.mock.calls.map(([parts]) => parts.account)
}

/** A trigger that answers per account: a CallFailed to throw, or accepted. */
function triggerBy(refusals: Record<string, CallFailed>) {
  return async (parts: TriggerParts) => {
    const refusal = refusals[parts.account]
    if (refusal) throw refusal
    return accepted()
  }
}

describe('fire: one account', () => {
  it('sends one trigger with its key, instance tag and payload, and reports it accepted', async () => {
    const client = stubClient({
      trigger: async () => {
        await clock.sleep(250)
        return accepted()
      }
    })
    const { clock, log, settings, run } = setup({}, client)
    const outcome = await run()
    const key = `${KEY_BASE}/acme-corp`
    expect(client.trigger).toHaveBeenCalledTimes(1)
    expect(client.trigger.mock.calls[0][0]).toEqual({
      event: settings.event,
      configId: undefined,
      slug: undefined,
      account: 'acme-corp',
      idempotencyKey: key,
      instanceTag: `${TAG_BASE}/acme-corp`,
      payloadJson: PAYLOAD
    })
    expect(client.listEvents).not.toHaveBeenCalled()
    expect(outcome).toMatchObject({
      ok: true,
      attempts: 1,
      durationMs: 250,
      idempotencyKey: key,
      payloadJson: PAYLOAD,
      dryRun: false
    })
    expect(outcome.failure).toBeUndefined()
    expect(outcome.results).toEqual([
      {
        linkedAccountId: 'acme-corp',
        ok: true,
        statusCode: 200,
        message: 'Webhook Fired Success',
        errorCode: null,
        httpErrorType: null,
        response: '{"message":"Webhook Fired Success"}',
        attempts: 1,
        idempotencyKey: key,
        executionStatus: null,
        attemptLog: [{ outcome: 'HTTP 200' }],
        durationMs: 250,
        hints: []
      }
    ])
    expect(log.info).toHaveBeenCalledWith(
      'Refold accepted event "Release Published" for acme-corp (HTTP 200 after 1 attempt, 250 ms): Webhook Fired Success'
    )
    expect(log.warning).not.toHaveBeenCalled()
  })

  it('counts every attempt the client made', async () => {
    const attempts = [{ outcome: 'HTTP 503', waitMs: 1000 }, { outcome: 'HTTP 200' }]
    const client = stubClient({ trigger: async () => accepted({}, attempts) })
    const outcome = await setup({}, client).run()
    expect(outcome.attempts).toBe(2)
    expect(outcome.results[0]).toMatchObject({ attempts: 2, attemptLog: attempts })
  })

  it('on a 404 INVALID_EVENT, looks the events up once and hints the closest names', async () => {
    const client = stubClient({
      trigger: async () => {
        throw callFailed(404, {
          httpErrorType: 'NOT_FOUND',
          errorCode: 'INVALID_EVENT',
          refoldMessage: 'Trigger not found'
        })
      },
      listEvents: async () =>
        answered([
          { _id: 'e1', name: 'Release Published' },
          { _id: 'e2', name: 'Invoice Paid' }
        ])
    })
    const outcome = await setup({ event: 'release published' }, client).run()
    expect(client.listEvents).toHaveBeenCalledTimes(1)
    const [result] = outcome.results
    expect(outcome.ok).toBe(false)
    expect(result).toMatchObject({
      ok: false,
      statusCode: 404,
      message: 'Trigger not found',
      errorCode: 'INVALID_EVENT',
      httpErrorType: 'NOT_FOUND',
      attempts: 1
    })
    expect(result.hints).toEqual([
      "Check 'event': event names must match exactly, case included.",
      'Closest event names: "Release Published".'
    ])
    expect(result.failure).toBeInstanceOf(CallFailed)
    expect(result.failure!.message).toContain('Closest event names: "Release Published".')
  })

  it('still fails with the hint when the events list cannot be read', async () => {
    const client = stubClient({
      trigger: async () => {
        throw callFailed(404, { errorCode: 'INVALID_EVENT' })
      },
      listEvents: async () => {
        throw callFailed(401)
      }
    })
    const outcome = await setup({}, client).run()
    expect(outcome.results[0].hints).toEqual([
      "Check 'event': event names must match exactly, case included."
    ])
  })

  it('reports a call that gave up after retries with its last status and every attempt', async () => {
    const client = stubClient({
      trigger: async () => {
        throw new CallFailed(
          apiError(503),
          [{ outcome: 'HTTP 503', waitMs: 500 }, { outcome: 'HTTP 503' }],
          'Gave up after 2 attempts'
        )
      }
    })
    const outcome = await setup({}, client).run()
    expect(outcome.results[0]).toMatchObject({ ok: false, statusCode: 503, attempts: 2, hints: [] })
    expect(outcome.attempts).toBe(2)
  })

  it("reports a network failure with no status and the failure's own message", async () => {
    const failure = new CallFailed(
      networkError(),
      [{ outcome: 'connection refused (ECONNREFUSED)' }],
      'Gave up after 1 attempt'
    )
    const client = stubClient({
      trigger: async () => {
        throw failure
      }
    })
    const outcome = await setup({}, client).run()
    expect(outcome.results[0]).toMatchObject({
      ok: false,
      statusCode: null,
      errorCode: null,
      httpErrorType: null,
      response: '',
      message: failure.message,
      failure
    })
  })
})

describe('fire: several accounts', () => {
  it('fires every account after one is refused, results in input order', async () => {
    const client = stubClient({
      trigger: triggerBy({
        beta: callFailed(422, { errorCode: 'INVALID_PAYLOAD', refoldMessage: 'bad payload' })
      })
    })
    const { log, run } = setup({ accounts: parseAccounts('gamma\nbeta\nalpha') }, client)
    const outcome = await run()
    expect(triggered(client).sort()).toEqual(['alpha', 'beta', 'gamma'])
    expect(outcome.results.map(r => [r.linkedAccountId, r.ok, r.statusCode])).toEqual([
      ['gamma', true, 200],
      ['beta', false, 422],
      ['alpha', true, 200]
    ])
    expect(outcome.ok).toBe(false)
    expect(outcome.attempts).toBe(3)
    expect(outcome.idempotencyKey).toBe(KEY_BASE)
    expect(outcome.results[1].hints[0]).toMatch(/payload/)
    // One line per account, the refused one included.
    expect(log.info.mock.calls.map(([line]) => line.split(' (')[0])).toEqual(
      expect.arrayContaining([
        'Refold accepted event "Release Published" for gamma',
        'Refold did not accept event "Release Published" for beta',
        'Refold accepted event "Release Published" for alpha'
      ])
    )
  })

  it('after a 401, sends no more and says "not sent" for each account left', async () => {
    const client = stubClient({
      trigger: triggerBy({ first: callFailed(401, { refoldMessage: 'Invalid Credentials' }) })
    })
    const outcome = await setup(
      { accounts: parseAccounts('first\nsecond\nthird'), concurrency: 1 },
      client
    ).run()
    expect(triggered(client)).toEqual(['first'])
    const reason = 'Refold refused the api key (HTTP 401) for first'
    expect(outcome.results.slice(1)).toEqual([
      expect.objectContaining({
        linkedAccountId: 'second',
        ok: false,
        attempts: 0,
        statusCode: null,
        notSent: reason,
        message: `not sent: ${reason}`
      }),
      expect.objectContaining({ linkedAccountId: 'third', notSent: reason })
    ])
    expect(outcome.attempts).toBe(1)
  })

  it('after a 404 INVALID_EVENT, sends no more: events are defined per org', async () => {
    const client = stubClient({
      trigger: triggerBy({ first: callFailed(404, { errorCode: 'INVALID_EVENT' }) })
    })
    const outcome = await setup(
      { accounts: parseAccounts('first\nsecond'), concurrency: 1 },
      client
    ).run()
    expect(triggered(client)).toEqual(['first'])
    expect(outcome.results[1].message).toBe(
      'not sent: Refold does not know the event (HTTP 404 INVALID_EVENT) for first'
    )
  })

  it('looks the events up once however many accounts get a 404 INVALID_EVENT at once', async () => {
    const client = stubClient({
      trigger: async () => {
        throw callFailed(404, { errorCode: 'INVALID_EVENT' })
      },
      listEvents: async () => answered([{ _id: 'e1', name: 'Release Publishd' }])
    })
    const outcome = await setup(
      { accounts: parseAccounts('a\nb\nc'), concurrency: 5 },
      client
    ).run()
    expect(triggered(client)).toEqual(['a', 'b', 'c'])
    expect(client.listEvents).toHaveBeenCalledTimes(1)
    for (const result of outcome.results) {
      expect(result.hints).toContain('Closest event names: "Release Publishd".')
    }
  })

  it('warns once about accounts listed twice, and fires each once', async () => {
    const { client, log, run } = setup({ accounts: parseAccounts('a\nb\na\na\nb\nc') })
    const outcome = await run()
    expect(log.warning).toHaveBeenCalledTimes(1)
    expect(log.warning).toHaveBeenCalledWith(
      'These linked accounts are listed more than once and are fired once: "a", "b"'
    )
    expect(triggered(client).sort()).toEqual(['a', 'b', 'c'])
    expect(outcome.results.map(r => r.linkedAccountId)).toEqual(['a', 'b', 'c'])
  })

  it('never has more triggers in flight than concurrency', async () => {
    let inFlight = 0
    let peak = 0
    const client = stubClient({
      trigger: async () => {
        peak = Math.max(peak, ++inFlight)
        await clock.sleep(100)
        await clock.sleep(100)
        inFlight--
        return accepted()
      }
    })
    const ids = Array.from({ length: 9 }, (_, i) => `acct-${i}`)
    const { clock, run } = setup({ accounts: parseAccounts(ids), concurrency: 3 }, client)
    const outcome = await run()
    expect(client.trigger).toHaveBeenCalledTimes(9)
    expect(peak).toBe(3)
    expect(outcome.results.map(r => r.linkedAccountId)).toEqual(ids)
    expect(outcome.ok).toBe(true)
  })
})

describe('fire: every linked account (*)', () => {
  it('reads every page, sorts by code point, then fires in that order', async () => {
    const client = stubClient({
      listLinkedAccounts: async page =>
        page === 1
          ? answered({ accounts: ['zeta', '\u{1F600}x', 'Alpha'], hasNextPage: true, nextPage: 2 })
          : answered({ accounts: ['beta', '\uE000y', 'zeta'], hasNextPage: false })
    })
    const { log, run } = setup({ accounts: parseAccounts('*'), concurrency: 1 }, client)
    const outcome = await run()
    expect(client.listLinkedAccounts.mock.calls).toEqual([
      [1, 100],
      [2, 100]
    ])
    const sorted = ['Alpha', 'beta', 'zeta', '\uE000y', '\u{1F600}x']
    expect(triggered(client)).toEqual(sorted)
    expect(outcome.results.map(r => r.linkedAccountId)).toEqual(sorted)
    // Every page read before the first trigger.
    expect(client.listLinkedAccounts.mock.invocationCallOrder[1]).toBeLessThan(
      client.trigger.mock.invocationCallOrder[0]
    )
    expect(log.info).toHaveBeenCalledWith('Listed 5 linked accounts of the org.')
  })

  it('fails before any trigger when the org has no linked account', async () => {
    const { client, run } = setup({ accounts: parseAccounts('*') })
    const outcome = await run()
    expect(client.trigger).not.toHaveBeenCalled()
    expect(outcome.ok).toBe(false)
    expect(outcome.results).toEqual([])
    expect(outcome.failure!.message).toBe(
      `The org has no linked accounts, so input 'linked_account_id' "*" names none and no event was fired.`
    )
  })

  it('fails before any trigger when a page cannot be read, hinting at an org-level key on a 401', async () => {
    const client = stubClient({
      listLinkedAccounts: async page => {
        if (page === 1) return answered({ accounts: ['a'], hasNextPage: true, nextPage: 2 })
        throw callFailed(401, { refoldMessage: 'Invalid Credentials' })
      }
    })
    const outcome = await setup({ accounts: parseAccounts('*') }, client).run()
    expect(client.trigger).not.toHaveBeenCalled()
    expect(outcome.ok).toBe(false)
    expect(outcome.failure!.message).toMatch(
      /^Could not list the org's linked accounts for input 'linked_account_id' "\*", so no event was fired: /
    )
    expect(outcome.failure!.message).toContain('Invalid Credentials')
    expect(outcome.failure!.message).toContain('org-level API key')
  })

  it('gives each account of * its own key, a given key as prefix', async () => {
    const client = stubClient({
      listLinkedAccounts: async () => answered({ accounts: ['a b', 'c'], hasNextPage: false })
    })
    const outcome = await setup(
      { accounts: parseAccounts('*'), idempotencyKey: 'release-1.2.3' },
      client
    ).run()
    expect(outcome.results.map(r => r.idempotencyKey)).toEqual([
      'release-1.2.3/a%20b',
      'release-1.2.3/c'
    ])
    expect(outcome.idempotencyKey).toBe('release-1.2.3')
  })
})

describe('fire: shard', () => {
  it('fires exactly its slice of the sorted list, in the order given', async () => {
    // Sorted: a b c d e f g; slice 2 of 3 holds positions 1 and 4: b and e.
    const { client, run } = setup({
      accounts: parseAccounts('e\ng\nc\na\nf\nb\nd'),
      shard: { index: 2, count: 3 },
      concurrency: 1
    })
    const outcome = await run()
    expect(triggered(client)).toEqual(['e', 'b'])
    expect(outcome.results.map(r => r.linkedAccountId)).toEqual(['e', 'b'])
  })

  it('is a success with a notice when the slice is empty', async () => {
    const { client, run } = setup({
      accounts: parseAccounts('only'),
      shard: { index: 2, count: 2 }
    })
    const outcome = await run()
    expect(client.trigger).not.toHaveBeenCalled()
    expect(outcome.ok).toBe(true)
    expect(outcome.notice).toBe('Shard 2/2 holds no linked account: nothing to fire.')
  })
})

const ORIGIN = { baseUrl: 'https://api.gocobalt.io', apiKey: TEST_API_KEY }

describe('fire: idempotency keys', () => {
  const keysOf = async (overrides: Partial<Settings>) => {
    const { client, run } = setup(overrides)
    const outcome = await run()
    return {
      sent: client.trigger.mock.calls.map(
        ([parts]) => triggerRequest(ORIGIN, parts).headers['Idempotency-Key']
      ),
      results: outcome.results.map(r => r.idempotencyKey),
      shared: outcome.idempotencyKey
    }
  }

  it('ends a generated key with the encoded account, for one account too', async () => {
    expect(await keysOf({ accounts: parseAccounts('acme@example.com') })).toEqual({
      sent: [`${KEY_BASE}/acme%40example.com`],
      results: [`${KEY_BASE}/acme%40example.com`],
      shared: `${KEY_BASE}/acme%40example.com`
    })
  })

  it('sends a given key as is when the input names exactly one account', async () => {
    expect(await keysOf({ idempotencyKey: 'release-1.2.3' })).toEqual({
      sent: ['release-1.2.3'],
      results: ['release-1.2.3'],
      shared: 'release-1.2.3'
    })
  })

  it('suffixes a given key with each encoded account when the input names several', async () => {
    const keys = await keysOf({ accounts: parseAccounts('a/1\nb'), idempotencyKey: 'rel' })
    expect(keys.sent.sort()).toEqual(['rel/a%2F1', 'rel/b'])
    expect(keys.shared).toBe('rel')
  })

  it('counts the accounts before shard: a slice of one still gets a suffixed key', async () => {
    const keys = await keysOf({
      accounts: parseAccounts('a\nb'),
      shard: { index: 1, count: 2 },
      idempotencyKey: 'rel'
    })
    expect(keys.sent).toEqual(['rel/a'])
  })
})

describe('fire: dry run', () => {
  it('sends nothing and prints the request the first account would get, key masked', async () => {
    const { client, settings, run } = setup({ dryRun: true, configId: 'cfg-7' })
    const outcome = await run()
    expect(client.trigger).not.toHaveBeenCalled()
    expect(client.listEvents).not.toHaveBeenCalled()
    expect(client.listLinkedAccounts).not.toHaveBeenCalled()
    const request = triggerRequest(
      { baseUrl: settings.baseUrl, apiKey: settings.apiKey },
      {
        event: settings.event,
        configId: 'cfg-7',
        account: 'acme-corp',
        idempotencyKey: `${KEY_BASE}/acme-corp`,
        instanceTag: `${TAG_BASE}/acme-corp`,
        payloadJson: PAYLOAD
      }
    )
    expect(outcome.printedRequest).toBe(printRequest(request))
    expect(outcome.printedRequest).toContain('x-api-key: ***')
    expect(outcome.printedRequest).toContain('config_id: cfg-7')
    expect(outcome.printedRequest).not.toContain(TEST_API_KEY)
    expect(outcome).toMatchObject({ ok: true, attempts: 0, dryRun: true })
    expect(outcome.results[0]).toMatchObject({
      ok: true,
      statusCode: null,
      attempts: 0,
      message: 'Dry run: nothing was sent'
    })
  })

  it('names the other accounts after the first request', async () => {
    const { client, run } = setup({ dryRun: true, accounts: parseAccounts('a\nb\nc') })
    const outcome = await run()
    expect(client.trigger).not.toHaveBeenCalled()
    expect(outcome.printedRequest).toMatch(/\n\nThe same for 2 more linked accounts: b, c$/)
    expect(outcome.results.every(r => r.ok && r.attempts === 0)).toBe(true)
  })

  it('prints "(not set)" for a dry run without a key', async () => {
    const outcome = await setup({ dryRun: true, apiKey: '' }).run()
    expect(outcome.printedRequest).toContain('x-api-key: (not set)')
  })

  it('lists the accounts of * and still fires nothing', async () => {
    const client = stubClient({
      listLinkedAccounts: async () => answered({ accounts: ['b', 'a'], hasNextPage: false })
    })
    const outcome = await setup({ dryRun: true, accounts: parseAccounts('*') }, client).run()
    expect(client.listLinkedAccounts).toHaveBeenCalledTimes(1)
    expect(client.trigger).not.toHaveBeenCalled()
    expect(outcome.results.map(r => r.linkedAccountId)).toEqual(['a', 'b'])
  })
})

describe('fire: progress and wait', () => {
  it('logs a progress line at most every 5 s on a long run', async () => {
    const client = stubClient({
      trigger: async () => {
        await clock.sleep(1000)
        return accepted()
      }
    })
    const ids = Array.from({ length: 12 }, (_, i) => `acct-${i}`)
    const { clock, log, run } = setup({ accounts: parseAccounts(ids), concurrency: 1 }, client)
    await run()
    const progress = log.info.mock.calls.map(([line]) => line).filter(l => l.startsWith('fired'))
    expect(progress).toEqual([
      'fired 5/12 · 5 accepted · 0 failed · 1.0/s · about 7 s left',
      'fired 10/12 · 10 accepted · 0 failed · 1.0/s · about 2 s left'
    ])
  })

  it('waits for each accepted account and gives the worst status', async () => {
    const date = new Date(Date.parse('2025-06-02T12:00:00Z')).toUTCString()
    const client = stubClient({
      trigger: async parts =>
        parts.account === 'refused'
          ? Promise.reject(callFailed(422))
          : accepted({ headers: { date } }),
      listEvents: async () => answered([{ _id: 'e1', name: 'Release Published' }]),
      listExecutions: async account =>
        answered({
          docs: [
            {
              _id: `x-${account}`,
              status: 'COMPLETED',
              associated_event_id: 'e1',
              createdAt: '2025-06-02T12:00:01.000Z'
            }
          ],
          hasNextPage: false
        })
    })
    const outcome = await setup(
      { wait: true, accounts: parseAccounts('a\nrefused\nb') },
      client
    ).run()
    expect(client.listEvents).toHaveBeenCalledTimes(1)
    expect(outcome.results.map(r => [r.linkedAccountId, r.ok, r.executionStatus])).toEqual([
      ['a', true, 'COMPLETED'],
      ['refused', false, 'NONE'],
      ['b', true, 'COMPLETED']
    ])
    expect(client.listExecutions.mock.calls.map(([account]) => account)).not.toContain('refused')
    expect(outcome.executionStatus).toBe('NONE')
    expect(outcome.results[0].wait?.executions.map(e => e.id)).toEqual(['x-a'])
  })
})

describe('fire: a wait that breaks', () => {
  it('ends that wait as NONE with the error, and still reports the accepted trigger', async () => {
    const client = stubClient({
      listEvents: async () => answered([{ _id: 'e1', name: 'Release Published' }])
    })
    const { log, run } = setup({ wait: true }, client)
    // A bug inside the wait, here a log line that throws, must not cost the outcome.
    log.info.mockImplementation(line => {
      if (line.startsWith('Waiting up to')) throw new TypeError('the log broke')
    })
    const outcome = await run()
    const [result] = outcome.results
    expect(result).toMatchObject({ statusCode: 200, attempts: 1, ok: false })
    expect(result.executionStatus).toBe('NONE')
    expect(result.message).toContain(
      'stopped waiting for its executions: unexpected error: the log broke'
    )
    expect(outcome.executionStatus).toBe('NONE')
    expect(outcome.ok).toBe(false)
  })
})

describe('fire: the check before firing', () => {
  const schema = {
    type: 'object',
    required: ['version', 'notes'],
    properties: { version: { type: 'string' }, notes: { type: 'string' } }
  }
  const listed = (entry: Record<string, unknown>) =>
    stubClient({
      listEvents: async () => answered([{ _id: 'e1', name: 'Release Published', ...entry }])
    })
  const several = { accounts: parseAccounts('a\nb\nc'), preflight: 'auto' as const }

  it('fires nothing when the payload breaks the schema, naming where and never the values', async () => {
    const client = listed({ json_schema: schema })
    const outcome = await setup(
      { ...several, payload: { kind: 'inline', text: '{"version":110,"secret":"s3cr3t"}' } },
      client
    ).run()
    expect(client.trigger).not.toHaveBeenCalled()
    expect(outcome.ok).toBe(false)
    expect(outcome.preflight).toBe('failed')
    expect(outcome.failure?.message).toContain('/version must be string')
    expect(outcome.failure?.message).toContain('notes')
    expect(outcome.failure?.message).not.toContain('110')
    expect(outcome.failure?.message).not.toContain('s3cr3t')
    // Each named account keeps its place in the results, not sent.
    expect(outcome.results.map(r => [r.linkedAccountId, r.ok, r.message])).toEqual(
      ['a', 'b', 'c'].map(id => [id, false, 'not sent: the check before firing failed'])
    )
  })

  it('reads the events list once, before the first trigger, and fires when the payload fits', async () => {
    const client = listed({ json_schema: schema })
    const outcome = await setup(
      { ...several, payload: { kind: 'inline', text: '{"version":"1.2.3","notes":"n"}' } },
      client
    ).run()
    expect(outcome.preflight).toBe('passed')
    expect(client.listEvents).toHaveBeenCalledTimes(1)
    expect(client.listEvents.mock.invocationCallOrder[0]).toBeLessThan(
      client.trigger.mock.invocationCallOrder[0]
    )
    expect(triggered(client)).toEqual(['a', 'b', 'c'])
  })

  it('says no_schema, with a notice, for an event without a schema', async () => {
    const { log, run } = setup(several, listed({}))
    expect((await run()).preflight).toBe('no_schema')
    expect(log.notice).toHaveBeenCalledWith(
      'Event "Release Published" has no payload schema in Refold: the payload was not checked.'
    )
  })

  it('fires nothing for an event that is not listed, naming the closest', async () => {
    const client = stubClient({
      listEvents: async () => answered([{ _id: 'e1', name: 'Release Published' }])
    })
    const outcome = await setup({ ...several, event: 'Release Publised' }, client).run()
    expect(client.trigger).not.toHaveBeenCalled()
    expect(outcome.failure?.message).toContain('Closest event names: "Release Published"')
  })

  it('goes on with a warning when the list cannot be read under auto; fails under true', async () => {
    const refusing = () =>
      stubClient({
        listEvents: async () => {
          throw callFailed(403)
        }
      })
    const auto = setup(several, refusing())
    const outcome = await auto.run()
    expect(outcome.preflight).toBe('skipped')
    expect(auto.log.warning).toHaveBeenCalledWith(
      expect.stringMatching(/^Could not check the payload before firing: /)
    )
    expect(triggered(auto.client)).toHaveLength(3)

    const strict = setup({ ...several, preflight: 'always' }, refusing())
    const failed = await strict.run()
    expect(failed.preflight).toBe('failed')
    expect(strict.client.trigger).not.toHaveBeenCalled()
  })

  it('says why the list could not be read: an older Refold (404), or the network', async () => {
    const failing = (error: CallFailed) =>
      stubClient({
        listEvents: async () => {
          throw error
        }
      })
    const older = setup(several, failing(callFailed(404)))
    await older.run()
    expect(older.log.warning).toHaveBeenCalledWith(
      'Could not check the payload before firing: this Refold does not list events (HTTP 404). Firing without the check.'
    )
    const down = setup(
      several,
      failing(new CallFailed(networkError(), [{ outcome: 'refused' }], 'Gave up after 1 attempt'))
    )
    await down.run()
    expect(down.log.warning).toHaveBeenCalledWith(
      expect.stringMatching(/^Could not check the payload before firing: Gave up after 1 attempt/)
    )
  })

  it('goes on without the check when the schema cannot be used (auto)', async () => {
    const { log, run } = setup(several, listed({ json_schema: 'not a schema' }))
    const outcome = await run()
    expect(outcome.preflight).toBe('skipped')
    expect(log.warning).toHaveBeenCalledWith(
      expect.stringMatching(
        /^Could not check the payload before firing: the event's schema cannot be used: /
      )
    )
  })

  it('leaves a single account without wait at one request', async () => {
    const { client, run } = setup({ preflight: 'auto' }, listed({ json_schema: schema }))
    expect((await run()).preflight).toBe('off')
    expect(client.listEvents).not.toHaveBeenCalled()
    expect(client.trigger).toHaveBeenCalledTimes(1)
  })
})

describe('fire: answers that are not Refold’s', () => {
  it('fails a 2xx whose body is an HTML page, with a base_url hint', async () => {
    const client = stubClient({
      trigger: async () => {
        throw new CallFailed(
          apiError(200, { refoldMessage: 'answered 200 with an HTML page, not JSON' }),
          [{ outcome: 'HTTP 200' }]
        )
      }
    })
    const outcome = await setup({}, client).run()
    expect(outcome.ok).toBe(false)
    expect(outcome.results[0].hints[0]).toContain("'base_url' is Refold's API origin")
  })

  it('accepts an empty 2xx body with a warning', async () => {
    const client = stubClient({ trigger: async () => accepted({ body: '' }) })
    const { log, run } = setup({}, client)
    expect((await run()).ok).toBe(true)
    expect(log.warning).toHaveBeenCalledWith(
      'Refold answered 200 with an empty body for acme-corp: taken as accepted.'
    )
  })

  it('fires nothing when the linked-account pages contradict their totalDocs', async () => {
    const client = stubClient({
      listLinkedAccounts: async () =>
        answered({ accounts: ['a', 'b'], hasNextPage: false, totalDocs: 500 })
    })
    const outcome = await setup({ accounts: parseAccounts('*') }, client).run()
    expect(client.trigger).not.toHaveBeenCalled()
    expect(outcome.failure?.message).toContain(
      'its pages say 500 accounts in all (totalDocs) but 2 were listed'
    )
  })
})

describe('fire: cancelled', () => {
  it('sends nothing new after the signal; the one in flight is unknown after the grace', async () => {
    const controller = new AbortController()
    const client = stubClient({
      trigger: () => {
        controller.abort()
        return new Promise(() => {})
      }
    })
    const { clock, settings, host } = setup(
      { accounts: parseAccounts('a\nb\nc'), concurrency: 1 },
      client
    )
    const outcome = await runRefold(settings, { ...host, signal: controller.signal })
    expect(client.trigger).toHaveBeenCalledTimes(1)
    expect(outcome.cancelled).toBe(true)
    expect(outcome.ok).toBe(false)
    expect(outcome.results.map(r => r.message)).toEqual([
      'unknown: cancelled in flight',
      'not sent: cancelled',
      'not sent: cancelled'
    ])
    expect(clock.elapsed()).toBe(2000)
  })
})

describe('fire: cancelled while listing "*"', () => {
  it('reads no further page, fires nothing, and says so', async () => {
    const controller = new AbortController()
    const client = stubClient({
      listLinkedAccounts: async page => {
        if (page === 2) controller.abort()
        return answered({ accounts: [`acct-${page}`], hasNextPage: true, nextPage: page + 1 })
      }
    })
    const { settings, host } = setup({ accounts: parseAccounts('*') }, client)
    const outcome = await runRefold(settings, { ...host, signal: controller.signal })
    expect(client.listLinkedAccounts).toHaveBeenCalledTimes(2)
    expect(client.trigger).not.toHaveBeenCalled()
    expect(outcome.cancelled).toBe(true)
    expect(outcome.failure?.message).toBe(
      `Cancelled while listing the org's linked accounts for input 'linked_account_id' "*": no event was fired.`
    )
  })
})

describe('run: the results file', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'refold-run-'))

  it('writes every account as JSON Lines when asked, and says where', async () => {
    const { settings, host } = setup({ accounts: parseAccounts('a\nb') })
    const file = path.join(dir, 'deep', 'results.jsonl')
    const outcome = await runRefold(settings, {
      ...host,
      resultsFile: { path: file, severalOnly: true }
    })
    expect(outcome.resultsFile).toBe(file)
    const rows = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map(line => JSON.parse(line))
    expect(rows.map(row => [row.linked_account_id, row.ok])).toEqual([
      ['a', true],
      ['b', true]
    ])
  })

  it('writes none for a single account when only several call for one', async () => {
    const { settings, host } = setup()
    const file = path.join(dir, 'one.jsonl')
    const outcome = await runRefold(settings, {
      ...host,
      resultsFile: { path: file, severalOnly: true }
    })
    expect(outcome.resultsFile).toBeUndefined()
    expect(existsSync(file)).toBe(false)
  })

  it('warns and goes on when the file cannot be written', async () => {
    const { settings, host, log } = setup({ accounts: parseAccounts('a\nb') })
    const blocker = path.join(dir, 'a-file')
    writeFileSync(blocker, '')
    const outcome = await runRefold(settings, {
      ...host,
      resultsFile: { path: path.join(blocker, 'results.jsonl'), severalOnly: false }
    })
    expect(outcome.ok).toBe(true)
    expect(outcome.resultsFile).toBeUndefined()
    expect(log.warning).toHaveBeenCalledWith(
      expect.stringMatching(/^Could not write the results file .*a-file\/results\.jsonl: /)
    )
  })
})

describe('run: the wait summed up over accounts', () => {
  it('says tag+time when some executions matched by tag and others by time', async () => {
    const date = new Date(Date.parse('2025-06-02T12:00:00Z')).toUTCString()
    const client = stubClient({
      trigger: async () => accepted({ headers: { date } }),
      listEvents: async () => answered([{ _id: 'e1', name: 'Release Published' }]),
      listExecutions: async account =>
        answered({
          docs: [
            {
              _id: `x-${account}`,
              status: 'COMPLETED',
              associated_event_id: 'e1',
              createdAt: '2025-06-02T12:00:01.000Z',
              ...(account === 'tagged'
                ? { instance_tag: `${TAG_BASE}/${encodeURIComponent(account)}` }
                : {})
            }
          ],
          hasNextPage: false
        })
    })
    const outcome = await setup(
      { wait: true, waitSettleMs: 0, accounts: parseAccounts('tagged\nplain') },
      client
    ).run()
    expect(outcome.results.map(r => r.wait?.correlation)).toEqual(['tag', 'time'])
    expect(outcome.correlation).toBe('tag+time')
    expect(outcome.executionStatus).toBe('COMPLETED')
  })
})
