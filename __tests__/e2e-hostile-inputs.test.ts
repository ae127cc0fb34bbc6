// The bundle given absurd inputs and a server's malformed Retry-After (issue 9, classes 6, 9, 11
// and 12): each is an input error naming the input, sent nowhere, or a wait the policy chose.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtemp, rm, symlink, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { fakeRefoldPerTest } from '../test/e2e-setup.js'
import { nodeBinaries } from '../test/node-binaries.js'
import { fireSampleEvent, type RunOptions, type RunResult } from '../test/run-action.js'

describe.each(nodeBinaries())('dist/index.js under %s, with hostile inputs', (_label, node) => {
  const refold = fakeRefoldPerTest()
  let workspace: string
  beforeEach(async () => {
    await refold.start()
    workspace = await mkdtemp(path.join(tmpdir(), 'refold-hostile-'))
  })
  afterEach(async () => {
    await rm(workspace, { recursive: true, force: true })
  })

  const fire = (inputs: Record<string, string>, options: Omit<RunOptions, 'inputs'> = {}) =>
    fireSampleEvent(refold.current.url, inputs, { node, workspace, timeoutMs: 20_000, ...options })

  /** An input error: exit 1, one ::error:: line that starts as given, and nothing sent. */
  function expectInputError(result: RunResult, start: string) {
    expect(result.exitCode).toBe(1)
    const errors = result.stdout.split('\n').filter(line => line.startsWith('::error::'))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain(`::error::${start}`)
    expect(result.stdout).not.toContain('failed unexpectedly')
    expect(result.stdout).not.toContain('Maximum call stack size exceeded')
    expect(refold.current.requests.length).toBe(0)
  }

  describe('number inputs outside their documented range', () => {
    it.each([
      ['timeout', '3000000', 'is not a number of seconds from 1 to 600.'],
      ['wait_interval', '0.0001', 'is not a number of seconds from 1 to 300.'],
      ['wait_timeout', '86400', 'is not a number of seconds from 1 to 21600.']
    ])('%s: %j is an input error naming the input and the range', async (name, value, expected) => {
      const result = await fire({ [name]: value, wait: 'true' })
      expectInputError(result, `Invalid input '${name}': ${JSON.stringify(value)} ${expected}`)
    })
  })

  describe('Retry-After outside RFC 9110', () => {
    it('429 with Retry-After: 1.5 is retried after the backoff, not at once', async () => {
      refold.current.script('trigger', {
        status: 429,
        headers: { 'retry-after': '1.5' },
        body: { status_code: 429, http_error_type: 'TOO_MANY_REQUESTS', message: 'Rate Limit Hit' }
      })
      const result = await fire({})
      expect(result.exitCode).toBe(0)
      expect(result.outputs).toMatchObject({ ok: 'true', attempts: '2' })
      const [first, second] = refold.current.triggers()
      // The first backoff is between half and all of 1 s; "1.5" read as a date long past gave 0.
      expect(second.at - first.at).toBeGreaterThanOrEqual(500)
      expect(result.stdout).toMatch(/Attempt 1 of 4 failed: .*Retrying in (0\.[5-9]|1) s\./)
    })
  })

  describe('base_url that passes a URL parser but can never work', () => {
    it('a base_url with credentials, even ftp://, is refused without quoting them anywhere', async () => {
      const result = await fire({ base_url: 'ftp://user:SECRET@refold.example' })
      expectInputError(result, `Invalid input 'base_url': "ftp://***@refold.example" is not an`)
      for (const text of [result.stdout, result.stderr, result.outputFile, result.summary]) {
        expect(text).not.toContain('SECRET')
      }
    })

    it.each(['?', '/#'])('a base_url ending in a bare %j is an input error', async end => {
      const result = await fire({ base_url: `${refold.current.url}${end}` })
      expectInputError(
        result,
        `Invalid input 'base_url': "${refold.current.url}${end}" has a query or fragment ("?" or "#")`
      )
    })
  })

  describe('payloads that would escape the input errors', () => {
    it('100,000 levels of nested JSON in payload_file is an input error naming payload_file', async () => {
      const depth = 100_000
      await writeFile(
        path.join(workspace, 'deep.json'),
        '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)
      )
      const result = await fire({ payload_file: 'deep.json' })
      expectInputError(
        result,
        `Invalid input 'payload_file': "deep.json" is nested more than 256 levels deep`
      )
    })

    it('a YAML alias bomb (billion laughs) is an input error naming payload', async () => {
      const lines = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]']
      const names = 'abcdefghi'
      for (let i = 1; i < names.length; i++) {
        lines.push(
          `${names[i]}: &${names[i]} [${Array(9)
            .fill(`*${names[i - 1]}`)
            .join(', ')}]`
        )
      }
      const result = await fire({ payload: lines.join('\n') })
      expectInputError(
        result,
        `Invalid input 'payload': the value is not accepted as YAML: its aliases (*name) expand it too far`
      )
    })

    it('an unresolved YAML alias is an input error naming payload', async () => {
      const result = await fire({ payload: 'version: 2.4.0\nnotify: *team' })
      expectInputError(
        result,
        `Invalid input 'payload': the value is not accepted as YAML: Unresolved alias`
      )
    })

    it('a FIFO as payload_file is refused at once, without waiting for a writer', async () => {
      execFileSync('mkfifo', [path.join(workspace, 'pipe.json')])
      const result = await fire({ payload_file: 'pipe.json' })
      expectInputError(
        result,
        `Invalid input 'payload_file': "pipe.json" is not a regular file (it is a FIFO)`
      )
      expect(result.durationMs).toBeLessThan(5000)
    })

    it('/dev/zero behind a .json name is refused without being read', async () => {
      await symlink('/dev/zero', path.join(workspace, 'zero.json'))
      const result = await fire({ payload_file: 'zero.json' })
      expectInputError(
        result,
        `Invalid input 'payload_file': "zero.json" is not a regular file (it is a device)`
      )
      expect(result.durationMs).toBeLessThan(5000)
    })

    it('a payload_file above 10 MiB is refused from its size, before it is read', async () => {
      const huge = path.join(workspace, 'huge.json')
      await writeFile(huge, '')
      await truncate(huge, 4 * 1024 ** 3)
      const result = await fire({ payload_file: 'huge.json' })
      expectInputError(
        result,
        `Invalid input 'payload_file': "huge.json" is larger than 10 MiB, the most a payload file may hold`
      )
      expect(result.durationMs).toBeLessThan(5000)
    })

    it('a UTF-8 byte-order mark at the start of a payload file is accepted', async () => {
      await writeFile(path.join(workspace, 'bom.json'), '\uFEFF{"version":"2.4.0"}')
      const result = await fire({ payload_file: 'bom.json' })
      expect(result.exitCode).toBe(0)
      expect(refold.current.triggers()).toHaveLength(1)
      expect(refold.current.triggers()[0].json).toEqual({
        event: 'Release Published',
        payload: { version: '2.4.0' }
      })
    })
  })
})
