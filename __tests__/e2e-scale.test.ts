// The bundle at thousands of accounts, under Node 20 and 24: outputs and a summary that fit GitHub's
// limits, every result in the JSON Lines file, accounts read from a file, and resume from results.
import { afterAll, describe, expect, it } from '@jest/globals'
import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import type { ResultOutput } from '../src/core/outputs.js'
import { fakeRefoldPerTest } from '../test/e2e-setup.js'
import { DEFAULT_API_KEY, makeLinkedAccounts, type FakeRefold } from '../test/fake-refold.js'
import { nodeBinaries } from '../test/node-binaries.js'
import {
  fireSampleEvent,
  renderedSummary,
  type RunOptions,
  type RunResult
} from '../test/run-action.js'
import { runCli, type CliResult } from '../test/run-cli.js'

const KiB = 1024
const MiB = 1024 * KiB
const EVENT = 'Release Published'
const RESULT_FIELDS = [
  'linked_account_id',
  'ok',
  'status_code',
  'message',
  'error_code',
  'attempts',
  'idempotency_key',
  'execution_status'
].sort()

type ResultRow = ResultOutput & { executions: Record<string, unknown>[] }

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8')

/** The JSON Lines file, one object per line, every line ending with a newline. */
async function readRows(file: string): Promise<ResultRow[]> {
  const text = await readFile(file, 'utf8')
  expect(text.endsWith('\n')).toBe(true)
  return text
    .slice(0, -1)
    .split('\n')
    .map(line => JSON.parse(line) as ResultRow)
}

/** The rows of the summary's table whose header starts with `header`, as cell texts. */
function tableRows(summary: string, header: string[]): string[][] {
  const tables = [...summary.matchAll(/<table>(.*?)<\/table>/gs)].map(match =>
    [...match[1].matchAll(/<tr>(.*?)<\/tr>/gs)].map(row =>
      [...row[1].matchAll(/<t[hd]>(.*?)<\/t[hd]>/gs)].map(cell => cell[1])
    )
  )
  const found = tables.filter(rows => header.every((name, i) => rows[0]?.[i] === name))
  expect(found).toHaveLength(1)
  return found[0].slice(1)
}

const lines = (result: { stdout: string }, prefix: string): string[] =>
  result.stdout.split('\n').filter(line => line.startsWith(prefix))

describe.each(nodeBinaries())(
  'dist/index.js and dist/cli.js under %s, thousands of accounts',
  (_label, node) => {
    const refold = fakeRefoldPerTest()
    const dirs: string[] = []
    afterAll(async () => {
      for (const dir of dirs) await rm(dir, { recursive: true, force: true })
    })

    async function tempDir(name: string): Promise<string> {
      const dir = await mkdtemp(path.join(tmpdir(), `refold-scale-${name}-`))
      dirs.push(dir)
      return dir
    }

    /**
     * Runs the action with a workspace holding `files` and a RUNNER_TEMP that outlives the run, so
     * the results file can be read afterwards.
     */
    async function runWithFiles(
      fake: FakeRefold,
      inputs: Record<string, string>,
      files: Record<string, string> = {},
      options: Omit<RunOptions, 'inputs'> = {}
    ): Promise<RunResult & { runnerTemp: string; workspace: string }> {
      const workspace = await tempDir('workspace')
      const runnerTemp = await tempDir('runner-temp')
      for (const [name, text] of Object.entries(files)) {
        await writeFile(path.join(workspace, name), text)
      }
      const result = await fireSampleEvent(fake.url, inputs, {
        node,
        workspace,
        timeoutMs: 120_000,
        ...options,
        env: { RUNNER_TEMP: runnerTemp, ...options.env }
      })
      return { ...result, runnerTemp, workspace }
    }

    /** The linked_account_id header of every trigger the fake received, in arrival order. */
    const firedFor = (fake: FakeRefold): string[] =>
      fake.triggers().map(request => String(request.headers.linked_account_id))

    async function noKeyAnywhere(result: RunResult, ...files: string[]): Promise<void> {
      // The runner's own ::add-mask:: line is the one place the key may appear.
      const stdout = result.stdout
        .split('\n')
        .filter(line => line !== `::add-mask::${DEFAULT_API_KEY}`)
        .join('\n')
      const texts = [stdout, result.stderr, result.outputFile, renderedSummary(result.summary)]
      for (const file of files) texts.push(await readFile(file, 'utf8'))
      for (const text of texts) expect(text).not.toContain(DEFAULT_API_KEY)
    }

    it('5,000 named accounts from a file, 10 refused: outputs fit in 900 KiB, truncated, failures first, every row in the results file, a summary of 200 rows', async () => {
      const known = makeLinkedAccounts(4990).map(account => account.account_id)
      // Unknown to Refold, spread through the list and one at its very end, so an output kept in
      // input order would lose most of them.
      const unknown = Array.from({ length: 10 }, (_, i) => `gone-${String(i + 1).padStart(2, '0')}`)
      const ids = [...known]
      unknown.forEach((id, i) => ids.splice(i * 555 + 400, 0, id))
      ids.splice(ids.indexOf('gone-10'), 1)
      ids.push('gone-10')
      expect(ids).toHaveLength(5000)
      const failedIds = ids.filter(id => id.startsWith('gone-'))
      const okIds = ids.filter(id => !id.startsWith('gone-'))

      const fake = await refold.start({ linkedAccounts: known })
      const result = await runWithFiles(
        fake,
        {
          linked_account_id: '',
          linked_account_file: 'accounts.txt',
          rate_limit: '1000',
          concurrency: '20'
        },
        { 'accounts.txt': `${ids.join('\n')}\n` }
      )

      expect(result.exitCode).toBe(1)
      expect(firedFor(fake).sort()).toEqual([...ids].sort())
      expect(result.outputs).toMatchObject({
        ok: 'false',
        accepted: '4990',
        failed: '10',
        truncated: 'true'
      })

      // Everything the step put in GITHUB_OUTPUT fits in 900 KiB; results in 512 KiB, whole entries.
      expect(bytes(result.outputFile)).toBeLessThanOrEqual(900 * KiB)
      expect(bytes(result.outputs.results)).toBeLessThanOrEqual(512 * KiB)
      const results: ResultOutput[] = JSON.parse(result.outputs.results)
      expect(results.length).toBeLessThan(5000)
      // As many as fit: one more entry would not.
      expect(bytes(result.outputs.results)).toBeGreaterThan(512 * KiB - 1 * KiB)
      for (const entry of results) expect(Object.keys(entry).sort()).toEqual(RESULT_FIELDS)
      // Failures first, then the ok accounts; each group in input order.
      expect(results.map(r => r.linked_account_id)).toEqual([
        ...failedIds,
        ...okIds.slice(0, results.length - failedIds.length)
      ])
      expect(results.slice(0, 10)).toEqual(
        failedIds.map(id =>
          expect.objectContaining({
            linked_account_id: id,
            ok: false,
            status_code: 404,
            error_code: 'LINKED_ACCOUNT_NOT_FOUND'
          })
        )
      )

      // The results file: under RUNNER_TEMP, one row per account in input order, each complete.
      const file = result.outputs.results_file
      expect(path.dirname(file)).toBe(result.runnerTemp)
      expect(file).toMatch(/\.jsonl$/)
      const rows = await readRows(file)
      expect(rows).toHaveLength(5000)
      expect(rows.map(row => row.linked_account_id)).toEqual(ids)
      for (const row of rows) {
        expect(Object.keys(row).sort()).toEqual([...RESULT_FIELDS, 'executions'].sort())
        expect(row.executions).toEqual([])
        expect(row.ok).toBe(!row.linked_account_id.startsWith('gone-'))
        expect(row.status_code).toBe(row.ok ? 200 : 404)
        expect(row.idempotency_key.endsWith(`/${row.linked_account_id}`)).toBe(true)
      }
      const byId = new Map(rows.map(row => [row.linked_account_id, row]))
      for (const entry of results) {
        expect(byId.get(entry.linked_account_id)).toEqual({ ...entry, executions: [] })
      }

      // A warning says the outputs were cut and where everything is.
      const warnings = lines(result, '::warning::')
      expect(warnings.filter(line => line.includes(file) && /truncated/.test(line))).toHaveLength(1)

      // The summary: under 1 MiB, 200 account rows with the failures first, and where the rest is.
      expect(bytes(result.summary)).toBeLessThanOrEqual(1 * MiB)
      const accountRows = tableRows(result.summary, ['Linked account', 'Result'])
      expect(accountRows).toHaveLength(200)
      expect(accountRows.slice(0, 10).map(row => row[0])).toEqual(failedIds)
      expect(accountRows.slice(0, 10).every(row => row[1] === 'failed')).toBe(true)
      expect(result.summary).toMatch(/4800 more linked accounts are in the results file/)
      expect(result.summary).toContain(file)
      expect(result.summary).toContain('results_file')
      await noKeyAnywhere(result, file)
    }, 240_000)

    it('300 accounts with wait, every execution failing with a 5 KB error: summary under 1 MiB, at most 5 failed executions detailed and read, at most 200 execution rows', async () => {
      const longError = (label: string): string =>
        `${label}: upstream refused the record. ${'Field value rejected by the CRM. '.repeat(160)}END-OF-${label}`
      const fake = await refold.start({
        workflows: {
          [EVENT]: [
            {
              name: 'Sync CRM',
              slug: 'crm',
              steps: [
                { status: 'RUNNING', afterMs: 0 },
                { status: 'ERRORED', afterMs: 300, node: 'Upsert contact', error: longError('crm') }
              ]
            },
            {
              name: 'Post release notes to Slack',
              slug: 'slack',
              steps: [
                { status: 'RUNNING', afterMs: 0 },
                {
                  status: 'ERRORED',
                  afterMs: 300,
                  node: 'Send message',
                  error: longError('slack'),
                  errorField: 'message'
                }
              ]
            }
          ]
        }
      })
      expect(bytes(longError('crm'))).toBeGreaterThan(5000)
      const ids = Array.from(
        { length: 300 },
        (_, i) => `customer-${String(i + 1).padStart(3, '0')}`
      )
      const result = await runWithFiles(
        fake,
        {
          linked_account_id: '',
          linked_account_file: 'accounts.txt',
          wait: 'true',
          wait_settle: '1',
          wait_interval: '1',
          wait_timeout: '60',
          rate_limit: '1000',
          concurrency: '20'
        },
        { 'accounts.txt': ids.join('\n') }
      )

      expect(result.exitCode).toBe(1)
      expect(result.outputs).toMatchObject({
        ok: 'false',
        execution_status: 'FAILED',
        accepted: '0',
        failed: '300'
      })
      expect(bytes(result.outputFile)).toBeLessThanOrEqual(900 * KiB)

      const summary = result.summary
      expect(bytes(summary)).toBeLessThanOrEqual(1 * MiB)
      const executionRows = tableRows(summary, ['Linked account', 'Workflow', 'Status'])
      expect(executionRows.length).toBeGreaterThan(0)
      expect(executionRows.length).toBeLessThanOrEqual(200)
      expect(executionRows.every(row => row[2] === 'ERRORED')).toBe(true)
      expect(summary).toMatch(
        new RegExp(`${600 - executionRows.length} more executions are in the results file`)
      )
      const accountRows = tableRows(summary, ['Linked account', 'Result'])
      expect(accountRows.length).toBeLessThanOrEqual(200)

      // Failed executions told in detail: at most 5, each text cut at 4 KiB, and only those read.
      const details = summary.split('<h4>Failed: ').slice(1)
      expect(details.length).toBeGreaterThan(0)
      expect(details.length).toBeLessThanOrEqual(5)
      const items = details.flatMap(detail =>
        [...detail.matchAll(/<li>(.*?)<\/li>/gs)].map(item => renderedSummary(item[1]))
      )
      expect(items.some(item => /^(Error|First failed step): .*upstream refused/.test(item))).toBe(
        true
      )
      for (const item of items) {
        expect(bytes(item.replace(/ … <i>\(.*\)<\/i>$/, ''))).toBeLessThanOrEqual(4 * KiB)
      }
      expect(summary).not.toMatch(/END-OF-(crm|slack)/)
      expect(fake.stats().requests.execution).toBeLessThanOrEqual(5)
      expect(fake.stats().requests.execution).toBe(details.length)

      // Every execution is in the results file, with its account.
      const rows = await readRows(result.outputs.results_file)
      expect(rows.map(row => row.linked_account_id)).toEqual(ids)
      for (const row of rows) {
        expect(row).toMatchObject({ ok: false, status_code: 200, execution_status: 'FAILED' })
        expect(row.executions).toHaveLength(2)
        for (const execution of row.executions) {
          expect(execution).toEqual({
            id: expect.any(String),
            workflow: expect.stringMatching(/^(Sync CRM|Post release notes to Slack)$/),
            status: 'ERRORED',
            created_at: expect.any(String)
          })
        }
      }
      await noKeyAnywhere(result, result.outputs.results_file)
    }, 240_000)

    it('an accounts file with comments, blank lines and surrounding spaces fires exactly the ids listed', async () => {
      const fake = await refold.start()
      const text = [
        '# Customers on the release channel',
        '',
        '  acme@example.com  ',
        '\t# initech left in March',
        'globex',
        '   ',
        '\tumbrella-corp\t',
        '  # hooli'
      ].join('\r\n')
      const result = await runWithFiles(
        fake,
        { linked_account_id: '', linked_account_file: 'customers.txt' },
        { 'customers.txt': text }
      )
      expect(result.exitCode).toBe(0)
      expect(firedFor(fake).sort()).toEqual(['acme@example.com', 'globex', 'umbrella-corp'])
      expect(
        JSON.parse(result.outputs.results).map((r: ResultOutput) => r.linked_account_id)
      ).toEqual(['acme@example.com', 'globex', 'umbrella-corp'])
      expect(result.outputs).toMatchObject({ ok: 'true', accepted: '3', failed: '0' })
      await noKeyAnywhere(result)
    })

    it('a "*" line in the accounts file is an input error naming linked_account_file: exit 1, nothing sent', async () => {
      const fake = await refold.start()
      const result = await runWithFiles(
        fake,
        { linked_account_id: '', linked_account_file: 'customers.txt' },
        { 'customers.txt': 'acme\n*\nglobex\n' }
      )
      expect(result.exitCode).toBe(1)
      const errors = lines(result, '::error::')
      expect(errors).toHaveLength(1)
      expect(errors[0]).toContain('linked_account_file')
      expect(errors[0]).toContain('"*"')
      expect(fake.requests).toHaveLength(0)
      await noKeyAnywhere(result)
    })

    it('linked_account_id and linked_account_file both set is an input error: exit 1, nothing sent', async () => {
      const fake = await refold.start()
      const result = await runWithFiles(
        fake,
        { linked_account_id: 'acme', linked_account_file: 'customers.txt' },
        { 'customers.txt': 'globex\n' }
      )
      expect(result.exitCode).toBe(1)
      const errors = lines(result, '::error::')
      expect(errors).toHaveLength(1)
      expect(errors[0]).toContain('linked_account_file')
      expect(errors[0]).toContain('linked_account_id')
      expect(fake.requests).toHaveLength(0)
      expect(result.outputs.results_file).toBeUndefined()
      await noKeyAnywhere(result)
    })

    it('resume: a results file as linked_account_file fires again only the accounts that did not end ok; an all-ok file fires nothing, with a notice', async () => {
      const ids = ['acme', 'initech', 'globex', 'hooli', 'umbrella']
      const first = await refold.start({ linkedAccounts: ['acme', 'globex', 'umbrella'] })
      const firstRun = await runWithFiles(first, { linked_account_id: `${ids.join('\n')}\n` })
      expect(firstRun.exitCode).toBe(1)
      expect(firstRun.outputs).toMatchObject({ accepted: '3', failed: '2' })
      const firstFile = firstRun.outputs.results_file
      expect(path.dirname(firstFile)).toBe(firstRun.runnerTemp)
      expect((await readRows(firstFile)).map(row => [row.linked_account_id, row.ok])).toEqual([
        ['acme', true],
        ['initech', false],
        ['globex', true],
        ['hooli', false],
        ['umbrella', true]
      ])

      // The accounts have since been linked; the resume fires the two that failed, nothing else.
      const second = await refold.replace()
      const workspace = await tempDir('resume')
      await copyFile(firstFile, path.join(workspace, 'previous.jsonl'))
      const secondRun = await runWithFiles(
        second,
        { linked_account_id: '', linked_account_file: 'previous.jsonl' },
        {},
        { workspace }
      )
      expect(secondRun.exitCode).toBe(0)
      expect(firedFor(second).sort()).toEqual(['hooli', 'initech'])
      expect(secondRun.outputs).toMatchObject({ ok: 'true', accepted: '2', failed: '0' })
      const secondRows = await readRows(secondRun.outputs.results_file)
      expect(secondRows.map(row => [row.linked_account_id, row.ok])).toEqual([
        ['initech', true],
        ['hooli', true]
      ])

      // Resuming from a run where every account ended ok: nothing to fire, a notice, success.
      const third = await refold.replace()
      await copyFile(secondRun.outputs.results_file, path.join(workspace, 'done.jsonl'))
      const thirdRun = await runWithFiles(
        third,
        { linked_account_id: '', linked_account_file: 'done.jsonl' },
        {},
        { workspace }
      )
      expect(thirdRun.exitCode).toBe(0)
      expect(third.triggers()).toHaveLength(0)
      const notices = lines(thirdRun, '::notice::')
      expect(notices.filter(line => line.includes('done.jsonl'))).toHaveLength(1)
      expect(lines(thirdRun, '::error::')).toEqual([])
      for (const run of [firstRun, secondRun, thirdRun]) await noKeyAnywhere(run)
    })

    describe('the CLI with --results-file', () => {
      const cli = (
        fake: FakeRefold,
        args: string[],
        cwd: string,
        env: Record<string, string> = {}
      ) =>
        runCli(['--base-url', fake.url, '--event', EVENT, ...args], {
          node,
          cwd,
          env: { REFOLD_API_KEY: DEFAULT_API_KEY, TMPDIR: cwd, ...env }
        })
      const noKeyIn = (result: CliResult, text = ''): void => {
        expect(result.stdout + result.stderr + text).not.toContain(DEFAULT_API_KEY)
      }

      it('one account: the file is written where the path says, its folder created', async () => {
        const fake = await refold.start()
        const cwd = await tempDir('cli-one')
        const result = await cli(
          fake,
          ['--linked-account-id', 'acme', '--results-file', 'out/release/results.jsonl'],
          cwd
        )
        expect(result.exitCode).toBe(0)
        const rows = await readRows(path.join(cwd, 'out/release/results.jsonl'))
        expect(rows).toEqual([
          {
            linked_account_id: 'acme',
            ok: true,
            status_code: 200,
            message: 'Webhook Fired Success',
            error_code: null,
            attempts: 1,
            idempotency_key: String(fake.triggers()[0].headers['idempotency-key']),
            execution_status: null,
            executions: []
          }
        ])
        noKeyIn(result, await readFile(path.join(cwd, 'out/release/results.jsonl'), 'utf8'))
      })

      it('several accounts, one refused: a row for each in the order given, exit 1', async () => {
        const fake = await refold.start({ linkedAccounts: ['acme', 'globex'] })
        const cwd = await tempDir('cli-several')
        const file = path.join(cwd, 'nested', 'deeper', 'r.jsonl')
        const result = await cli(
          fake,
          [
            '--linked-account-id',
            'acme',
            '--linked-account-id',
            'initech',
            '--linked-account-id',
            'globex',
            '--results-file',
            file
          ],
          cwd
        )
        expect(result.exitCode).toBe(1)
        const rows = await readRows(file)
        expect(rows.map(row => [row.linked_account_id, row.ok, row.status_code])).toEqual([
          ['acme', true, 200],
          ['initech', false, 404],
          ['globex', true, 200]
        ])
        expect(rows[1]).toMatchObject({ error_code: 'LINKED_ACCOUNT_NOT_FOUND', executions: [] })
        noKeyIn(result, await readFile(file, 'utf8'))
      })

      it('only with the flag: the same several accounts write no file without it, the named file with it', async () => {
        const fake = await refold.start()
        const cwd = await tempDir('cli-none')
        const accounts = ['--linked-account-id', 'acme', '--linked-account-id', 'globex']
        const without = await cli(fake, [...accounts, '--json'], cwd)
        expect(without.exitCode).toBe(0)
        expect(firedFor(fake).sort()).toEqual(['acme', 'globex'])
        // Neither the working folder nor the temporary folder (TMPDIR is the same) gained a file.
        expect(await readdir(cwd)).toEqual([])
        expect(JSON.parse(without.stdout).results_file).toBeUndefined()

        const withFlag = await cli(fake, [...accounts, '--results-file', 'r.jsonl'], cwd)
        expect(withFlag.exitCode).toBe(0)
        expect(await readdir(cwd)).toEqual(['r.jsonl'])
        const rows = await readRows(path.join(cwd, 'r.jsonl'))
        expect(rows.map(row => [row.linked_account_id, row.ok])).toEqual([
          ['acme', true],
          ['globex', true]
        ])
        noKeyIn(without)
        noKeyIn(withFlag, await readFile(path.join(cwd, 'r.jsonl'), 'utf8'))
      })
    })
  }
)
