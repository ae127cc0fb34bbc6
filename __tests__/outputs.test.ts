// What an Outcome says to the world: the contract's outputs with their JSON types, the headline,
// and the one message a failed run fails with.
import { describe, expect, it } from '@jest/globals'
import { WaitError } from '../src/core/errors.js'
import { failureMessage, headline, outcomeOutputs } from '../src/core/outputs.js'
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
