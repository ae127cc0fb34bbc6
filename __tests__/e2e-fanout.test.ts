// The bundle firing one event for many linked accounts against the fake Refold, under Node 20 and
// 24: lists, `*` over several pages, matrix shards, wait across accounts, org-wide refusals.
import { fakeRefoldPerTest } from '../test/e2e-setup.js'
import { describe, expect, it } from '@jest/globals'
import type { ResultOutput } from '../src/core/outputs.js'
import { DEFAULT_EVENTS, makeLinkedAccounts, type FakeRefoldOptions } from '../test/fake-refold.js'
import { nodeBinaries } from '../test/node-binaries.js'
import {
  fireSampleEvent,
  renderedSummary,
  type RunOptions,
  type RunResult
} from '../test/run-action.js'

const EVENT_ID = DEFAULT_EVENTS.find(event => event.name === 'Release Published')!._id

const resultsOf = (run: RunResult): ResultOutput[] => JSON.parse(run.outputs.results)

/** As a workflow's `linked_account_id: |` block gives the ids: one per line, a final newline. */
const block = (ids: string[]): string => `${ids.join('\n')}\n`

/** Code-point order written out, not borrowed from src/: compare the code points one by one. */
function byCodePoint(a: string, b: string): number {
  const x = [...a].map(char => char.codePointAt(0)!)
  const y = [...b].map(char => char.codePointAt(0)!)
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i]
  return x.length - y.length
}

describe.each(nodeBinaries())('dist/index.js under %s, several linked accounts', (_label, node) => {
  const refold = fakeRefoldPerTest()

  async function run(
    fakeOptions: FakeRefoldOptions,
    inputs: Record<string, string>,
    options: Omit<RunOptions, 'inputs'> = {}
  ): Promise<RunResult> {
    const fake = await refold.start(fakeOptions)
    return fireSampleEvent(fake.url, inputs, { node, ...options })
  }

  /** The linked_account_id header of every trigger the fake received, in arrival order. */
  const firedFor = (): string[] =>
    refold.current.triggers().map(request => String(request.headers.linked_account_id))

  it('three accounts, one unknown to Refold: exit 1, results say which failed, the other two ok', async () => {
    const result = await run(
      { linkedAccounts: ['acme', 'globex'] },
      { linked_account_id: block(['acme', 'initech', 'globex']) }
    )
    expect(result.exitCode).toBe(1)
    expect(firedFor().sort()).toEqual(['acme', 'globex', 'initech'])
    expect(resultsOf(result)).toEqual([
      expect.objectContaining({ linked_account_id: 'acme', ok: true, status_code: 200 }),
      expect.objectContaining({
        linked_account_id: 'initech',
        ok: false,
        status_code: 404,
        error_code: 'LINKED_ACCOUNT_NOT_FOUND',
        message: 'Linked account not found',
        attempts: 1
      }),
      expect.objectContaining({ linked_account_id: 'globex', ok: true, status_code: 200 })
    ])
    expect(result.outputs).toMatchObject({
      ok: 'false',
      accepted: '2',
      failed: '1',
      // The scalar outputs speak of the first failed account.
      status_code: '404',
      error_code: 'LINKED_ACCOUNT_NOT_FOUND'
    })
    const errors = result.stdout.split('\n').filter(line => line.startsWith('::error::'))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain('1 of 3 linked accounts failed: initech (')
    expect(errors[0]).not.toMatch(/acme|globex/)
    // Each account has its own key, ending with the account.
    const keys = refold.current
      .triggers()
      .map(request => String(request.headers['idempotency-key']))
    expect(new Set(keys).size).toBe(3)
    for (const request of refold.current.triggers()) {
      expect(request.headers['idempotency-key']).toMatch(
        new RegExp(`/${String(request.headers.linked_account_id)}$`)
      )
    }
  })

  it('"*" with 120 linked accounts over 3 pages: every page read first, each account fired once, results in code-point order', async () => {
    // Mixed case and punctuation, listed out of order: code-point order is not the locale's.
    const odd = ['zeta', 'Zulu', '_under', '~tilde', 'Acct-9', 'acct-0000']
    const accounts = [...makeLinkedAccounts(114).map(a => a.account_id), ...odd].reverse()
    const result = await run(
      { linkedAccounts: accounts, maxPageSize: 50 },
      { linked_account_id: '*', rate_limit: '200', concurrency: '10' }
    )
    expect(result.exitCode).toBe(0)
    const lists = refold.current.requests.filter(
      request => request.path === '/api/v2/public/linked-account'
    )
    expect(lists.map(request => request.query.page)).toEqual(['1', '2', '3'])
    const firstTrigger = refold.current.requests.findIndex(
      request => request.path === '/api/v2/public/event'
    )
    expect(refold.current.requests.indexOf(lists[2])).toBeLessThan(firstTrigger)

    const fired = firedFor()
    expect(fired).toHaveLength(120)
    expect([...fired].sort(byCodePoint)).toEqual([...accounts].sort(byCodePoint))
    const results = resultsOf(result)
    expect(results.map(r => r.linked_account_id)).toEqual([...accounts].sort(byCodePoint))
    expect(results.slice(0, 4).map(r => r.linked_account_id)).toEqual([
      'Acct-9',
      'Zulu',
      '_under',
      'acct-0000'
    ])
    expect(results.every(r => r.ok && r.status_code === 200)).toBe(true)
    expect(result.outputs).toMatchObject({ ok: 'true', accepted: '120', failed: '0' })
    expect(result.stdout).toContain('Listed 120 linked accounts of the org.')
  })

  it('shard 2/3 over a list fires exactly its slice, in the order written', async () => {
    const list = ['delta', 'Alpha', 'charlie', 'bravo', 'echo', '_x', 'foxtrot', 'Golf', 'hotel']
    // The contract's rule, computed here: position k in code-point order → slice (k mod 3) + 1.
    const slice = new Set([...list].sort(byCodePoint).filter((_, k) => (k % 3) + 1 === 2))
    const expected = list.filter(id => slice.has(id))
    expect(expected).toHaveLength(3)

    const result = await run({}, { linked_account_id: block(list), shard: '2/3' })
    expect(result.exitCode).toBe(0)
    expect(firedFor().sort(byCodePoint)).toEqual([...expected].sort(byCodePoint))
    expect(resultsOf(result).map(r => r.linked_account_id)).toEqual(expected)
    expect(result.outputs).toMatchObject({ accepted: '3', failed: '0' })
  })

  it("with wait, one account's ERRORED execution fails the step and names the account", async () => {
    const result = await run(
      {
        executions: [
          {
            // Created on the server's clock after any trigger of this test, so it counts as
            // globex's execution of this event whatever the runner's start-up time.
            doc: {
              _id: 'exec-globex-crm',
              name: 'Sync CRM run',
              associated_event_id: EVENT_ID,
              associated_workflow: { _id: 'wf-crm', name: 'Sync CRM' },
              linked_account_id: 'globex',
              createdAt: new Date(Date.now() + 5 * 60_000).toISOString()
            },
            steps: [
              { status: 'ERRORED', afterMs: 0, node: 'Upsert contact', error: 'token expired' }
            ]
          }
        ]
      },
      { linked_account_id: block(['acme', 'globex']), wait: 'true', wait_timeout: '20' }
    )
    expect(result.exitCode).toBe(1)
    expect(result.outputs).toMatchObject({
      ok: 'false',
      execution_status: 'FAILED',
      accepted: '1',
      failed: '1'
    })
    expect(resultsOf(result)).toEqual([
      expect.objectContaining({
        linked_account_id: 'acme',
        ok: true,
        execution_status: 'COMPLETED'
      }),
      expect.objectContaining({
        linked_account_id: 'globex',
        ok: false,
        status_code: 200,
        execution_status: 'FAILED'
      })
    ])
    const executions = JSON.parse(result.outputs.executions)
    expect(executions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          linked_account_id: 'acme',
          workflow: 'Post release notes to Slack',
          status: 'COMPLETED'
        }),
        expect.objectContaining({
          linked_account_id: 'globex',
          id: 'exec-globex-crm',
          workflow: 'Sync CRM',
          status: 'ERRORED'
        })
      ])
    )
    for (const execution of executions)
      expect(execution.linked_account_id).toMatch(/^(acme|globex)$/)
    const error = result.stdout.split('\n').find(line => line.startsWith('::error::')) ?? ''
    expect(error).toContain('1 of 2 linked accounts failed: globex (')
    expect(error).toContain('Sync CRM (ERRORED)')
  })

  it('a 401 on the first account stops the rest: one trigger sent, the others "not sent"', async () => {
    const result = await run(
      {},
      {
        api_key: 'pk_test_not_this_org',
        linked_account_id: block(['acme', 'globex', 'initech']),
        concurrency: '1'
      }
    )
    expect(result.exitCode).toBe(1)
    expect(firedFor()).toEqual(['acme'])
    const [first, ...rest] = resultsOf(result)
    expect(first).toMatchObject({ linked_account_id: 'acme', ok: false, status_code: 401 })
    expect(rest.map(r => r.linked_account_id)).toEqual(['globex', 'initech'])
    for (const notSent of rest) {
      expect(notSent).toMatchObject({ ok: false, status_code: null, attempts: 0 })
      expect(notSent.message).toMatch(/^not sent: .*401/)
    }
    expect(result.outputs).toMatchObject({ accepted: '0', failed: '3', attempts: '1' })
  })

  it('a 404 INVALID_EVENT on the first account stops the rest; the summary lists the closest names', async () => {
    const result = await run(
      {},
      {
        event: 'Release Publishd',
        linked_account_id: block(['acme', 'globex', 'initech']),
        concurrency: '1',
        // Without the check before firing (which would fire nothing), the org-wide refusal rule.
        preflight: 'false'
      }
    )
    expect(result.exitCode).toBe(1)
    expect(firedFor()).toEqual(['acme'])
    const [first, ...rest] = resultsOf(result)
    expect(first).toMatchObject({ ok: false, status_code: 404, error_code: 'INVALID_EVENT' })
    for (const notSent of rest) expect(notSent.message).toMatch(/^not sent: .*INVALID_EVENT/)
    const summary = renderedSummary(result.summary)
    expect(summary).toContain('<tr><td>Not sent</td><td>2</td></tr>')
    expect(summary).toContain('<li>Closest event names: "Release Published".</li>')
  })

  it('an account listed twice is fired once, with a warning', async () => {
    const result = await run(
      {},
      { linked_account_id: 'acme\nglobex\n\nacme\n  globex  \ninitech\n' }
    )
    expect(result.exitCode).toBe(0)
    expect(firedFor().sort()).toEqual(['acme', 'globex', 'initech'])
    expect(resultsOf(result).map(r => r.linked_account_id)).toEqual(['acme', 'globex', 'initech'])
    expect(result.stdout).toContain(
      '::warning::These linked accounts are listed more than once and are fired once: "acme", "globex"'
    )
  })

  it('a dry run with an explicit list needs no key and sends nothing', async () => {
    const result = await run(
      {},
      { api_key: '', dry_run: 'true', linked_account_id: block(['acme', 'globex', 'initech']) }
    )
    expect(result.exitCode).toBe(0)
    expect(refold.current.requests).toHaveLength(0)
    expect(result.stdout).toContain('The same for 2 more linked accounts: globex, initech')
    expect(resultsOf(result)).toEqual(
      ['acme', 'globex', 'initech'].map(id =>
        expect.objectContaining({ linked_account_id: id, ok: true, status_code: null, attempts: 0 })
      )
    )
    expect(result.outputs).toMatchObject({ ok: 'true', attempts: '0', accepted: '3', failed: '0' })
  })

  it('a dry run with "*" lists the accounts (with the key) and fires nothing', async () => {
    const result = await run(
      { linkedAccounts: ['globex', 'acme', 'initech'] },
      { dry_run: 'true', linked_account_id: '*' }
    )
    expect(result.exitCode).toBe(0)
    // The check before firing reads the events first; then the pages; no trigger.
    expect(refold.current.requests.map(request => request.path)).toEqual([
      '/api/v2/public/application/event',
      '/api/v2/public/linked-account'
    ])
    expect(resultsOf(result).map(r => r.linked_account_id)).toEqual(['acme', 'globex', 'initech'])
    expect(result.outputs).toMatchObject({ ok: 'true', attempts: '0', accepted: '3' })
  })

  it('never shows the api key: not in the log (debug included), outputs or summary', async () => {
    const key = 'pk_live_FANOUT_LEAKCHECK_7e2d'
    const result = await run(
      { apiKeys: [key], linkedAccounts: ['acme', 'globex'] },
      {
        api_key: key,
        linked_account_id: block(['acme', 'globex', 'initech']),
        concurrency: '1',
        wait: 'true',
        wait_timeout: '15'
      },
      { env: { RUNNER_DEBUG: '1' } }
    )
    expect(result.exitCode).toBe(1)
    expect(firedFor()).toEqual(['acme', 'globex', 'initech'])
    expect(result.stdout).toContain(`::add-mask::${key}`)
    const log = result.stdout
      .split('\n')
      .filter(line => line !== `::add-mask::${key}`)
      .join('\n')
    for (const text of [log, result.stderr, result.outputFile, renderedSummary(result.summary)]) {
      expect(text).not.toContain(key)
    }

    // The same with Refold quoting the key back in its refusal of the second account.
    await refold.replace({ apiKeys: [key] })
    refold.current.script(
      'trigger',
      {},
      {
        status: 422,
        body: { status_code: 422, error_code: 'INVALID', message: `key ${key} may not fire this` }
      }
    )
    const quoted = await run(
      {},
      { api_key: key, linked_account_id: block(['acme', 'globex', 'initech']), concurrency: '1' },
      { env: { RUNNER_DEBUG: '1' } }
    )
    expect(quoted.exitCode).toBe(1)
    expect(resultsOf(quoted)[1]).toMatchObject({ linked_account_id: 'globex', status_code: 422 })
    expect(renderedSummary(quoted.summary)).toContain('key *** may not fire this')
    const quotedLog = quoted.stdout
      .split('\n')
      .filter(line => line !== `::add-mask::${key}`)
      .join('\n')
    for (const text of [
      quotedLog,
      quoted.stderr,
      quoted.outputFile,
      renderedSummary(quoted.summary)
    ]) {
      expect(text).not.toContain(key)
    }
  })
})
