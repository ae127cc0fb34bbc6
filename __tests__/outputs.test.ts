// What an Outcome says to the world: the contract's outputs with their JSON types, the headline,
// and the one message a failed run fails with.
import { describe, expect, it } from '@jest/globals'
import { WaitError } from '../src/core/errors.js'
import {
  failureMessage,
  fitToLimits,
  headline,
  outcomeOutputs,
  type OutcomeOutputs
} from '../src/core/outputs.js'
import { PreflightError } from '../src/core/preflight.js'
import type { WaitResult } from '../src/core/wait.js'
import { accountResult, outcomeFor, refusedResult } from './helpers/common.js'

const KEY_BASE = 'octo/shop/42/1/release/notify/Release%20Published'

function waited(
  status: WaitResult['status'],
  workflows: string[],
  ok = status === 'COMPLETED'
): WaitResult {
  return {
    ok,
    durationMs: 9000,
    details: [],
    polls: 3,
    requests: 3,
    stopped: [],
    status,
    headline: `Event "Release Published": ${status}`,
    executions: workflows.map((workflow, i) => ({
      id: `x${i}`,
      workflow,
      status: ok ? 'COMPLETED' : 'ERRORED',
      created_at: `2025-06-02T12:00:0${i}Z`,
      finished_at: `2025-06-02T12:00:1${i}Z`
    }))
  }
}

describe('outcomeOutputs: one account', () => {
  it('sets every output from the one account, results included', () => {
    const outcome = outcomeFor()
    expect(outcomeOutputs(outcome)).toEqual({
      ok: true,
      status_code: 200,
      message: 'Webhook Fired Success',
      error_code: null,
      http_error_type: null,
      response: '{"message":"Webhook Fired Success"}',
      attempts: 1,
      duration_ms: 42,
      payload: '{"version":"1.2.3"}',
      idempotency_key: `${KEY_BASE}/acme-corp`,
      results: [
        {
          linked_account_id: 'acme-corp',
          ok: true,
          status_code: 200,
          message: 'Webhook Fired Success',
          error_code: null,
          attempts: 1,
          idempotency_key: `${KEY_BASE}/acme-corp`,
          execution_status: null
        }
      ],
      accepted: 1,
      failed: 0,
      truncated: false,
      preflight: 'off'
    })
  })

  it("gives a refused account its status, codes and Refold's message", () => {
    const outputs = outcomeOutputs(
      outcomeFor({
        results: [
          refusedResult('acme-corp', 404, {
            httpErrorType: 'NOT_FOUND',
            errorCode: 'INVALID_EVENT',
            refoldMessage: 'Trigger not found',
            body: '{"message":"Trigger not found"}'
          })
        ]
      })
    )
    expect(outputs).toMatchObject({
      ok: false,
      status_code: 404,
      message: 'Trigger not found',
      error_code: 'INVALID_EVENT',
      http_error_type: 'NOT_FOUND',
      response: '{"message":"Trigger not found"}',
      accepted: 0,
      failed: 1
    })
  })

  it('leaves status_code null when there was no answer', () => {
    const outputs = outcomeOutputs(
      outcomeFor({
        results: [
          accountResult({
            ok: false,
            statusCode: null,
            message: 'Gave up after 4 attempts',
            response: ''
          })
        ]
      })
    )
    expect(outputs.status_code).toBeNull()
    expect(outputs.message).toBe('Gave up after 4 attempts')
  })

  it('says a failure before any trigger, with no result at all', () => {
    const failure = new Error('The org has no linked accounts, so linked_account_id "*" names none')
    const outputs = outcomeOutputs(outcomeFor({ results: [], ok: false, failure }))
    expect(outputs).toMatchObject({
      ok: false,
      status_code: null,
      message: failure.message,
      error_code: null,
      response: '',
      results: [],
      accepted: 0,
      failed: 0
    })
  })

  it('lists executions without linked_account_id for one account, and the status', () => {
    const outputs = outcomeOutputs(
      outcomeFor({
        results: [
          accountResult({ executionStatus: 'COMPLETED', wait: waited('COMPLETED', ['Sync']) })
        ],
        executionStatus: 'COMPLETED'
      })
    )
    expect(outputs.executions).toEqual([
      { id: 'x0', workflow: 'Sync', status: 'COMPLETED', created_at: '2025-06-02T12:00:00Z' }
    ])
    expect(outputs.execution_status).toBe('COMPLETED')
    expect(outputs.results[0].execution_status).toBe('COMPLETED')
  })

  it('sets no executions and no execution_status without wait', () => {
    const outputs = outcomeOutputs(outcomeFor())
    expect(outputs).not.toHaveProperty('executions')
    expect(outputs).not.toHaveProperty('execution_status')
  })

  it('caps the response at 64 KiB with a note', () => {
    const body = 'x'.repeat(100 * 1024)
    const outputs = outcomeOutputs(outcomeFor({ results: [accountResult({ response: body })] }))
    expect(outputs.response).toBe(
      `${'x'.repeat(64 * 1024)}\n[refold-trigger: the response output is cut at 64 KiB; the answer was longer]`
    )
  })
})

describe('outcomeOutputs: several accounts', () => {
  const results = [
    accountResult({ linkedAccountId: 'acme', idempotencyKey: `${KEY_BASE}/acme` }),
    refusedResult('globex', 422, {
      errorCode: 'INVALID_PAYLOAD',
      httpErrorType: 'UNPROCESSABLE_ENTITY',
      refoldMessage: 'payload must be an object',
      body: '{"error":"INVALID_PAYLOAD"}'
    }),
    refusedResult('initech', 401, {
      errorCode: 'SERVER_ERROR',
      httpErrorType: 'UNAUTHORIZED',
      refoldMessage: 'Invalid Credentials'
    }),
    accountResult({
      linkedAccountId: 'umbrella',
      ok: false,
      statusCode: null,
      attempts: 0,
      attemptLog: [],
      response: '',
      message: 'not sent: Refold refused the api key (HTTP 401) for initech',
      notSent: 'Refold refused the api key (HTTP 401) for initech',
      idempotencyKey: `${KEY_BASE}/umbrella`
    })
  ]

  it('gives the scalar outputs of the first failed account', () => {
    const outputs = outcomeOutputs(outcomeFor({ results, idempotencyKey: KEY_BASE }))
    expect(outputs).toMatchObject({
      ok: false,
      status_code: 422,
      message: 'payload must be an object',
      error_code: 'INVALID_PAYLOAD',
      http_error_type: 'UNPROCESSABLE_ENTITY',
      response: '{"error":"INVALID_PAYLOAD"}',
      attempts: 3,
      idempotency_key: KEY_BASE
    })
  })

  it('counts accepted and failed, not-sent accounts among the failed', () => {
    const outputs = outcomeOutputs(outcomeFor({ results }))
    expect(outputs.accepted).toBe(1)
    expect(outputs.failed).toBe(3)
  })

  it('lists every account in results, in order, a not-sent one in its place', () => {
    const outputs = outcomeOutputs(outcomeFor({ results }))
    expect(outputs.results.map(r => [r.linked_account_id, r.ok, r.status_code])).toEqual([
      ['acme', true, 200],
      ['globex', false, 422],
      ['initech', false, 401],
      ['umbrella', false, null]
    ])
    expect(outputs.results[3]).toEqual({
      linked_account_id: 'umbrella',
      ok: false,
      status_code: null,
      message: 'not sent: Refold refused the api key (HTTP 401) for initech',
      error_code: null,
      attempts: 0,
      idempotency_key: `${KEY_BASE}/umbrella`,
      execution_status: null
    })
    expect(Object.keys(outputs.results[0]).sort()).toEqual(
      [
        'linked_account_id',
        'ok',
        'status_code',
        'message',
        'error_code',
        'attempts',
        'idempotency_key',
        'execution_status'
      ].sort()
    )
  })

  it("gives the first account's scalars when every account is ok, with error codes null", () => {
    const outputs = outcomeOutputs(
      outcomeFor({
        results: [
          accountResult({ linkedAccountId: 'acme', statusCode: 202, message: 'first' }),
          accountResult({ linkedAccountId: 'globex', statusCode: 200, message: 'second' })
        ]
      })
    )
    expect(outputs).toMatchObject({
      ok: true,
      status_code: 202,
      message: 'first',
      error_code: null,
      http_error_type: null,
      accepted: 2,
      failed: 0
    })
  })

  it("lists every account's executions, each with its linked_account_id", () => {
    const outputs = outcomeOutputs(
      outcomeFor({
        results: [
          accountResult({
            linkedAccountId: 'acme',
            executionStatus: 'COMPLETED',
            wait: waited('COMPLETED', ['Sync'])
          }),
          accountResult({
            linkedAccountId: 'globex',
            ok: false,
            executionStatus: 'FAILED',
            wait: waited('FAILED', ['Sync', 'Notify'])
          })
        ],
        executionStatus: 'FAILED'
      })
    )
    expect(outputs.executions).toEqual([
      {
        id: 'x0',
        workflow: 'Sync',
        status: 'COMPLETED',
        created_at: '2025-06-02T12:00:00Z',
        linked_account_id: 'acme'
      },
      {
        id: 'x0',
        workflow: 'Sync',
        status: 'ERRORED',
        created_at: '2025-06-02T12:00:00Z',
        linked_account_id: 'globex'
      },
      {
        id: 'x1',
        workflow: 'Notify',
        status: 'ERRORED',
        created_at: '2025-06-02T12:00:01Z',
        linked_account_id: 'globex'
      }
    ])
    expect(outputs.execution_status).toBe('FAILED')
  })
})

describe('headline', () => {
  it('says what happened, in one line', () => {
    expect(headline(outcomeFor())).toBe('Refold accepted event "Release Published"')
    expect(headline(outcomeFor({ results: [refusedResult('acme-corp', 401)] }))).toBe(
      'Refold did not accept event "Release Published"'
    )
    expect(headline(outcomeFor({ dryRun: true }))).toBe(
      'Dry run: event "Release Published" was not sent'
    )
    expect(headline(outcomeFor({ results: [], ok: true }))).toBe(
      'No linked account in this shard: event "Release Published" was not sent'
    )
    expect(headline(outcomeFor({ results: [], failure: new Error('no accounts') }))).toBe(
      'Refold did not fire event "Release Published"'
    )
    expect(
      headline(
        outcomeFor({
          results: [
            accountResult({ linkedAccountId: 'a' }),
            refusedResult('b', 422),
            accountResult({ linkedAccountId: 'c' })
          ]
        })
      )
    ).toBe('Event "Release Published": 2 of 3 linked accounts ok')
  })

  it("is the wait's headline for one account that waited", () => {
    const wait = waited('FAILED', ['Sync'])
    expect(headline(outcomeFor({ results: [accountResult({ ok: false, wait })] }))).toBe(
      wait.headline
    )
  })
})

describe('failureMessage', () => {
  it('is undefined when the run is ok', () => {
    expect(failureMessage(outcomeFor())).toBeUndefined()
  })

  it('is the failure before any trigger', () => {
    const failure = new Error("Could not list the org's linked accounts")
    expect(failureMessage(outcomeFor({ results: [], failure }))).toBe(failure.message)
  })

  it("is the one account's failure, hints included", () => {
    const result = refusedResult('acme-corp', 401, { refoldMessage: 'Invalid Credentials' })
    result.failure = (result.failure as Error & { withHint(h: string): Error }).withHint(
      "Check 'api_key'."
    )
    const message = failureMessage(outcomeFor({ results: [result] }))
    expect(message).toBe(result.failure.message)
    expect(message).toContain("Check 'api_key'.")
  })

  it("is a failed wait's headline for one account", () => {
    const wait = waited('FAILED', ['Sync'])
    const result = accountResult({
      ok: false,
      wait,
      message: wait.headline,
      failure: new WaitError(wait.headline)
    })
    expect(failureMessage(outcomeFor({ results: [result] }))).toBe(wait.headline)
  })

  it('names each failed account with its failure when there are several', () => {
    const results = [
      accountResult({ linkedAccountId: 'acme' }),
      refusedResult('globex', 422, { refoldMessage: 'payload must be an object' })
    ]
    expect(failureMessage(outcomeFor({ results }))).toBe(
      `Event "Release Published": 1 of 2 linked accounts failed: globex (${results[1].failure!.message})`
    )
  })

  it('names at most 5 failed accounts, "and N more" for the rest', () => {
    const results = [
      accountResult({ linkedAccountId: 'ok-1' }),
      ...['a', 'b', 'c', 'd', 'e', 'f', 'g'].map(id =>
        accountResult({ linkedAccountId: id, ok: false, message: `refused ${id}` })
      )
    ]
    expect(failureMessage(outcomeFor({ results }))).toBe(
      'Event "Release Published": 7 of 8 linked accounts failed: a (refused a); b (refused b); ' +
        'c (refused c); d (refused d); e (refused e), and 2 more'
    )
  })

  it('does not say "and 0 more" for exactly 5 failures', () => {
    const results = ['a', 'b', 'c', 'd', 'e'].map(id =>
      accountResult({ linkedAccountId: id, ok: false, message: 'no' })
    )
    expect(failureMessage(outcomeFor({ results }))).not.toContain('more')
  })
})

describe('outcomeOutputs: preflight, correlation and the results file', () => {
  it('says what the check before firing found', () => {
    expect(outcomeOutputs(outcomeFor({ preflight: 'passed' })).preflight).toBe('passed')
    expect(outcomeOutputs(outcomeFor({ preflight: 'skipped' })).preflight).toBe('skipped')
  })

  it("makes a failed check's code the error_code and its first violation the message", () => {
    const failure = new PreflightError(
      'The payload does not match the schema of event "Release Published": 2 problems',
      'PAYLOAD_INVALID',
      ['/version: must be string', '/: missing required property notes']
    )
    const results = ['acme', 'globex'].map(id =>
      accountResult({
        linkedAccountId: id,
        ok: false,
        statusCode: null,
        attempts: 0,
        message: 'not sent: the check before firing failed',
        notSent: 'the check before firing failed'
      })
    )
    const outputs = outcomeOutputs(outcomeFor({ results, failure, preflight: 'failed' }))
    expect(outputs).toMatchObject({
      ok: false,
      error_code: 'PAYLOAD_INVALID',
      message: '/version: must be string',
      preflight: 'failed',
      accepted: 0,
      failed: 2
    })
  })

  it('gives a failed check without violations its own message and code', () => {
    const failure = new PreflightError('Event "Release" is not in the events list', 'INVALID_EVENT')
    const outputs = outcomeOutputs(outcomeFor({ results: [], failure, preflight: 'failed' }))
    expect(outputs.error_code).toBe('INVALID_EVENT')
    expect(outputs.message).toBe(failure.message)
  })

  it('sets correlation with wait, and none without', () => {
    const results = [
      accountResult({ executionStatus: 'COMPLETED', wait: waited('COMPLETED', ['Sync']) })
    ]
    for (const correlation of ['tag', 'time', 'tag+time'] as const) {
      const outputs = outcomeOutputs(
        outcomeFor({ results, executionStatus: 'COMPLETED', correlation })
      )
      expect(outputs.correlation).toBe(correlation)
    }
    expect(outcomeOutputs(outcomeFor({ results, executionStatus: 'NONE' }))).not.toHaveProperty(
      'correlation'
    )
    expect(outcomeOutputs(outcomeFor({ correlation: 'tag' }))).not.toHaveProperty('correlation')
  })

  it('sets results_file to the path when a file was written, and not otherwise', () => {
    const file = '/runner/temp/refold-results-42-notify.jsonl'
    expect(outcomeOutputs(outcomeFor({ resultsFile: file })).results_file).toBe(file)
    expect(outcomeOutputs(outcomeFor())).not.toHaveProperty('results_file')
  })
})

describe('cancelled runs', () => {
  const cancelledResults = () => [
    accountResult({ linkedAccountId: 'acme' }),
    refusedResult('globex', 422),
    accountResult({
      linkedAccountId: 'initech',
      ok: false,
      statusCode: null,
      attempts: 0,
      attemptLog: [],
      message: 'unknown: cancelled in flight',
      notSent: 'cancelled in flight'
    }),
    ...['umbrella', 'hooli'].map(id =>
      accountResult({
        linkedAccountId: id,
        ok: false,
        statusCode: null,
        attempts: 0,
        attemptLog: [],
        message: 'not sent: cancelled',
        notSent: 'cancelled'
      })
    )
  ]

  it('says "Cancelled after N of M linked accounts", counting those in flight as sent', () => {
    const outcome = outcomeFor({ results: cancelledResults(), cancelled: true })
    const line =
      'Cancelled after 3 of 5 linked accounts: event "Release Published"; see results for each'
    expect(headline(outcome)).toBe(line)
    expect(failureMessage(outcome)).toBe(line)
  })

  it('adds "while waiting for executions" when execution_status is CANCELLED', () => {
    const outcome = outcomeFor({
      results: cancelledResults(),
      cancelled: true,
      executionStatus: 'CANCELLED'
    })
    expect(headline(outcome)).toBe(
      'Cancelled after 3 of 5 linked accounts, while waiting for executions: ' +
        'event "Release Published"; see results for each'
    )
    expect(outcomeOutputs(outcome).execution_status).toBe('CANCELLED')
  })

  it('says "account" for a run of one account', () => {
    const outcome = outcomeFor({
      results: [accountResult({ ok: false, executionStatus: 'CANCELLED' })],
      cancelled: true,
      executionStatus: 'CANCELLED'
    })
    expect(failureMessage(outcome)).toBe(
      'Cancelled after 1 of 1 linked account, while waiting for executions: ' +
        'event "Release Published"; see results for each'
    )
  })

  it('fails even when every account that answered was accepted', () => {
    const outcome = outcomeFor({
      results: [accountResult({ linkedAccountId: 'acme' }), ...cancelledResults().slice(3)],
      cancelled: true
    })
    expect(failureMessage(outcome)).toMatch(/^Cancelled after 1 of 3 linked accounts: /)
  })
})

/** The outputs as the action writes them: every value as text. */
function outputBytes(outputs: OutcomeOutputs): number {
  return Object.values(outputs).reduce<number>((sum, value) => {
    const text = typeof value === 'string' ? value : value == null ? '' : JSON.stringify(value)
    return sum + Buffer.byteLength(text)
  }, 0)
}

const KiB = 1024

/** `count` accounts, every `failedEvery`-th refused, each result about `size` bytes as JSON. */
function manyResults(count: number, failedEvery: number, size: number) {
  return Array.from({ length: count }, (_, i) => {
    const id = `acct-${String(i).padStart(5, '0')}`
    const message = 'm'.repeat(size - 200)
    return i % failedEvery === failedEvery - 1
      ? accountResult({ linkedAccountId: id, ok: false, statusCode: 422, message })
      : accountResult({ linkedAccountId: id, message })
  })
}

function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value))
}

describe('fitToLimits', () => {
  it('keeps outputs within the limits as they are, truncated false', () => {
    const outputs = outcomeOutputs(outcomeFor({ results: manyResults(100, 3, 1000) }))
    expect(fitToLimits(outputs)).toEqual(outputs)
    expect(fitToLimits(outputs).truncated).toBe(false)
  })

  it('empties a payload over 128 KiB, and keeps one of exactly 128 KiB', () => {
    const payload = (size: number) => JSON.stringify({ a: 'x'.repeat(size - 8) })
    expect(payload(128 * KiB)).toHaveLength(128 * KiB)
    const atLimit = fitToLimits(outcomeOutputs(outcomeFor({ payloadJson: payload(128 * KiB) })))
    expect(atLimit.payload).toBe(payload(128 * KiB))
    expect(atLimit.truncated).toBe(false)
    const over = fitToLimits(outcomeOutputs(outcomeFor({ payloadJson: payload(128 * KiB + 1) })))
    expect(over.payload).toBe('')
    expect(over.truncated).toBe(true)
    expect(over.results).toHaveLength(1)
  })

  it('cuts results over 512 KiB to whole entries, failures first, each group in input order', () => {
    const results = manyResults(1000, 4, 1000)
    const outputs = outcomeOutputs(outcomeFor({ results }))
    expect(jsonBytes(outputs.results)).toBeGreaterThan(512 * KiB)
    const fitted = fitToLimits(outputs)
    expect(fitted.truncated).toBe(true)
    expect(jsonBytes(fitted.results)).toBeLessThanOrEqual(512 * KiB)
    const failures = outputs.results.filter(r => !r.ok)
    const oks = outputs.results.filter(r => r.ok)
    const keptOks = fitted.results.length - failures.length
    expect(keptOks).toBeGreaterThan(0)
    expect(fitted.results).toEqual([...failures, ...oks.slice(0, keptOks)])
    // As many as fit: one more entry would pass the limit.
    expect(jsonBytes([...fitted.results, oks[keptOks]])).toBeGreaterThan(512 * KiB)
    // The counts speak of every account, not of those kept.
    expect(fitted.accepted).toBe(750)
    expect(fitted.failed).toBe(250)
  })

  it('keeps only failures, in input order, when they alone pass 512 KiB', () => {
    const results = manyResults(1200, 2, 1000)
    const fitted = fitToLimits(outcomeOutputs(outcomeFor({ results })))
    const failures = outcomeOutputs(outcomeFor({ results })).results.filter(r => !r.ok)
    expect(fitted.results.length).toBeLessThan(failures.length)
    expect(fitted.results).toEqual(failures.slice(0, fitted.results.length))
    expect(jsonBytes([...fitted.results, failures[fitted.results.length]])).toBeGreaterThan(
      512 * KiB
    )
  })

  it('cuts executions over 256 KiB to whole entries, failed statuses first, each group in input order', () => {
    const statuses = ['COMPLETED', 'ERRORED', 'RUNNING', 'STOPPED', 'DUPLICATE', 'MYSTERY']
    const executions = Array.from({ length: 3000 }, (_, i) => ({
      id: `exec-${i}`,
      workflow: `Workflow ${'w'.repeat(60)}`,
      status: statuses[i % statuses.length],
      created_at: '2025-06-02T12:00:00Z',
      finished_at: '2025-06-02T12:00:05Z'
    }))
    const wait: WaitResult = { ...waited('FAILED', []), executions }
    const outputs = outcomeOutputs(
      outcomeFor({
        results: [accountResult({ ok: false, executionStatus: 'FAILED', wait })],
        executionStatus: 'FAILED'
      })
    )
    const all = outputs.executions!
    expect(jsonBytes(all)).toBeGreaterThan(256 * KiB)
    const fitted = fitToLimits(outputs)
    expect(fitted.truncated).toBe(true)
    expect(jsonBytes(fitted.executions)).toBeLessThanOrEqual(256 * KiB)
    const failed = all.filter(e => ['ERRORED', 'STOPPED', 'MYSTERY'].includes(e.status))
    const rest = all.filter(e => !failed.includes(e))
    const keptRest = fitted.executions!.length - failed.length
    expect(keptRest).toBeGreaterThan(0)
    expect(fitted.executions).toEqual([...failed, ...rest.slice(0, keptRest)])
    expect(jsonBytes([...fitted.executions!, rest[keptRest]])).toBeGreaterThan(256 * KiB)
    expect(fitted.results).toEqual(outputs.results)
  })

  it('keeps all the outputs together within 900 KiB when each alone is within its limit', () => {
    const results = manyResults(500, 5, 1000)
    const executions = Array.from({ length: 1300 }, (_, i) => ({
      id: `exec-${i}`,
      workflow: `Workflow ${'w'.repeat(50)}`,
      status: 'COMPLETED',
      created_at: '2025-06-02T12:00:00Z'
    }))
    results[0] = {
      ...results[0],
      ok: false,
      response: 'r'.repeat(100 * KiB),
      executionStatus: 'FAILED',
      wait: { ...waited('FAILED', []), executions }
    }
    const payloadJson = JSON.stringify({ notes: 'p'.repeat(120 * KiB) })
    const outputs = outcomeOutputs(outcomeFor({ results, payloadJson, executionStatus: 'FAILED' }))
    expect(jsonBytes(outputs.results)).toBeLessThanOrEqual(512 * KiB)
    expect(jsonBytes(outputs.executions)).toBeLessThanOrEqual(256 * KiB)
    expect(outputBytes(outputs)).toBeGreaterThan(900 * KiB)

    const fitted = fitToLimits(outputs)
    expect(outputBytes(fitted)).toBeLessThanOrEqual(900 * KiB)
    expect(jsonBytes(fitted)).toBeLessThanOrEqual(900 * KiB)
    expect(fitted.truncated).toBe(true)
    expect(fitted.payload).toBe(payloadJson)
    expect(fitted.response).toBe(outputs.response)
    // What was cut is whole entries, failures first.
    const failures = outputs.results.filter(r => !r.ok)
    expect(fitted.results.slice(0, failures.length)).toEqual(failures)
    expect(fitted.results.length).toBeLessThan(outputs.results.length)
  })
})

describe('outcomeOutputs and failureMessage with little to tell', () => {
  it('leaves message empty for a shard with no account', () => {
    const outputs = outcomeOutputs(outcomeFor({ results: [], ok: true }))
    expect(outputs.message).toBe('')
    expect(outputs.status_code).toBeNull()
  })

  it("is the one failed account's message when it carries no error", () => {
    const result = accountResult({ ok: false, message: 'Event "X": saw 1 of 2 expected workflows' })
    expect(failureMessage(outcomeFor({ results: [result] }))).toBe(result.message)
  })
})
