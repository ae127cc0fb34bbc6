// The results file: every account's full result as JSON Lines, in order, the `results` fields
// plus that account's executions; what a resumed run reads back.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import type { AccountResult } from '../src/core/fire.js'
import { writeResultsFile } from '../src/core/results-file.js'
import type { WaitResult } from '../src/core/wait.js'
import { accountResult, refusedResult, rejection } from './helpers/common.js'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'refold-results-'))
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

function linesOf(file: string): unknown[] {
  const text = readFileSync(file, 'utf8')
  expect(text.endsWith('\n')).toBe(true)
  return text
    .slice(0, -1)
    .split('\n')
    .map(line => JSON.parse(line))
}

const wait: WaitResult = {
  ok: false,
  status: 'FAILED',
  headline: 'Event "Release Published": 1 of 2 workflow executions failed',
  durationMs: 9000,
  details: [],
  polls: 3,
  requests: 3,
  stopped: [],
  executions: [
    {
      id: 'e1',
      workflow: 'Slack',
      status: 'COMPLETED',
      created_at: '2025-06-02T12:00:01Z',
      finished_at: '2025-06-02T12:00:05Z',
      durationMs: 4000
    },
    { id: 'e2', workflow: 'Sync', status: 'ERRORED', created_at: '2025-06-02T12:00:02Z' }
  ]
}

describe('writeResultsFile', () => {
  it('creates a missing folder and writes one line per account, in order, with its executions', async () => {
    const file = path.join(dir, 'nested', 'deeper', 'results.jsonl')
    const results: AccountResult[] = [
      accountResult({ linkedAccountId: 'acme', executionStatus: 'COMPLETED' }),
      refusedResult('globex', 422, { errorCode: 'INVALID_PAYLOAD', refoldMessage: 'bad payload' }),
      accountResult({
        linkedAccountId: 'initech',
        ok: false,
        message: wait.headline,
        executionStatus: 'FAILED',
        wait
      })
    ]
    await writeResultsFile(file, results)
    expect(linesOf(file)).toEqual([
      {
        linked_account_id: 'acme',
        ok: true,
        status_code: 200,
        message: 'Webhook Fired Success',
        error_code: null,
        attempts: 1,
        idempotency_key: results[0].idempotencyKey,
        execution_status: 'COMPLETED',
        executions: []
      },
      {
        linked_account_id: 'globex',
        ok: false,
        status_code: 422,
        message: 'bad payload',
        error_code: 'INVALID_PAYLOAD',
        attempts: 1,
        idempotency_key: results[1].idempotencyKey,
        execution_status: null,
        executions: []
      },
      {
        linked_account_id: 'initech',
        ok: false,
        status_code: 200,
        message: wait.headline,
        error_code: null,
        attempts: 1,
        idempotency_key: results[2].idempotencyKey,
        execution_status: 'FAILED',
        // The executions as the `executions` output lists them: no finish time or duration.
        executions: [
          { id: 'e1', workflow: 'Slack', status: 'COMPLETED', created_at: '2025-06-02T12:00:01Z' },
          { id: 'e2', workflow: 'Sync', status: 'ERRORED', created_at: '2025-06-02T12:00:02Z' }
        ]
      }
    ])
  })

  it('writes every line, in order, when there are more than one write holds', async () => {
    const file = path.join(dir, 'many.jsonl')
    const results = Array.from({ length: 1234 }, (_, i) =>
      accountResult({ linkedAccountId: `acct-${i}`, message: 'm'.repeat(200) })
    )
    await writeResultsFile(file, results)
    const lines = linesOf(file) as { linked_account_id: string }[]
    expect(lines.map(line => line.linked_account_id)).toEqual(results.map(r => r.linkedAccountId))
  })

  it('replaces an earlier file of the same name', async () => {
    const file = path.join(dir, 'again.jsonl')
    await writeResultsFile(file, [accountResult({ linkedAccountId: 'first' })])
    await writeResultsFile(file, [accountResult({ linkedAccountId: 'second' })])
    expect(linesOf(file)).toEqual([expect.objectContaining({ linked_account_id: 'second' })])
  })

  it('writes an empty file for no account', async () => {
    const file = path.join(dir, 'empty.jsonl')
    await writeResultsFile(file, [])
    expect(readFileSync(file, 'utf8')).toBe('')
  })

  it.each([
    ['one line', 1],
    ['more lines than the stream buffers', 1234]
  ])('rejects with the cause when the file cannot be opened (%s)', async (_, count) => {
    const file = path.join(dir, 'a-folder.jsonl')
    mkdirSync(file)
    const results = Array.from({ length: count }, (_, i) =>
      accountResult({ linkedAccountId: `acct-${i}`, message: 'm'.repeat(200) })
    )
    const error = await rejection(writeResultsFile(file, results))
    expect((error as NodeJS.ErrnoException).code).toBe('EISDIR')
  })
})
