// The bundled dist/index.js run as the runner runs it, against a fake Refold on 127.0.0.1.
import { beforeEach, describe, expect, it } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import * as path from 'node:path'
import { fakeRefoldPerTest } from '../test/e2e-setup.js'
import { DEFAULT_API_KEY } from '../test/fake-refold.js'
import { nodeBinaries } from '../test/node-binaries.js'
import { fireSampleEvent, renderedSummary, ROOT, type RunOptions } from '../test/run-action.js'

const ACCOUNT = 'acme@example.com'

describe.each(nodeBinaries())('dist/index.js under %s', (_label, node) => {
  const refold = fakeRefoldPerTest()
  beforeEach(async () => {
    await refold.start()
  })

  const fire = (inputs: Record<string, string>, options: Omit<RunOptions, 'inputs'> = {}) =>
    fireSampleEvent(refold.current.url, inputs, { node, ...options })

  describe('trigger', () => {
    it('fires a release event with exactly one request and sets the outputs', async () => {
      const result = await fire({ slug: 'hubspot' })
      expect(result.exitCode).toBe(0)
      expect(refold.current.requests).toHaveLength(1)
      const [request] = refold.current.triggers()
      expect(request.headers).toMatchObject({
        'x-api-key': DEFAULT_API_KEY,
        linked_account_id: ACCOUNT,
        slug: 'hubspot',
        'content-type': 'application/json',
        accept: 'application/json',
        'idempotency-key':
          'acme/shop-api/9876543210/notify/refold/Release%20Published/acme%40example.com'
      })
      expect(request.headers).not.toHaveProperty('config_id')
      const version = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')).version
      expect(request.headers['user-agent']).toBe(`refold-trigger/${version}`)
      expect(request.json).toEqual({
        event: 'Release Published',
        payload: JSON.parse(result.outputs.payload)
      })
      expect(result.outputs).toMatchObject({
        ok: 'true',
        status_code: '200',
        message: 'Webhook Fired Success',
        attempts: '1',
        response: '{"message":"Webhook Fired Success"}'
      })
      expect(result.summary).toContain('Refold accepted event')
    })

    it('fails on an unknown event: one trigger request, exit 1, the closest name, outputs set', async () => {
      const result = await fire({ event: 'Release Publish' })
      expect(result.exitCode).toBe(1)
      expect(refold.current.triggers()).toHaveLength(1)
      expect(result.stdout).toContain(
        '::error::Refold refused to trigger event "Release Publish": HTTP 404 NOT_FOUND INVALID_EVENT — Trigger not found'
      )
      expect(result.stdout).toContain('Closest event names: "Release Published"')
      expect(result.outputs).toMatchObject({
        ok: 'false',
        status_code: '404',
        error_code: 'INVALID_EVENT',
        http_error_type: 'NOT_FOUND',
        attempts: '1'
      })
      expect(result.stdout + result.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/)
    })

    it('fails on a wrong key with the 401 hint and no retry', async () => {
      const result = await fire({ api_key: 'tk_wrong_key_987' })
      expect(result.exitCode).toBe(1)
      expect(refold.current.triggers()).toHaveLength(1)
      expect(result.stdout).toContain('HTTP 401 UNAUTHORIZED SERVER_ERROR — Invalid Credentials')
      expect(result.stdout).toContain('a test key (tk…)')
      expect(result.outputs.status_code).toBe('401')
    })

    it('warns and succeeds with fail_on_error: false', async () => {
      const result = await fire({ event: 'Nope', fail_on_error: 'false' })
      expect(result.exitCode).toBe(0)
      expect(result.stdout).toContain('::warning::Refold refused to trigger event "Nope"')
      expect(result.outputs).toMatchObject({ ok: 'false', status_code: '404' })
    })

    it('fails invalid JSON in payload with line and column and sends nothing', async () => {
      const result = await fire({ payload: '{\n  "version": "1.2.3"\n  "tag": "v1"\n}' })
      expect(result.exitCode).toBe(1)
      expect(refold.current.requests).toHaveLength(0)
      expect(result.stdout).toContain(
        "::error::Invalid input 'payload': the value is not valid JSON at line 3, column 3: " +
          'unexpected "\\"".'
      )
    })

    it('says what is wrong with the JSON in the same words on every Node version', async () => {
      const result = await fire({ payload: '{"b": [1, 2,],"c":1}' })
      expect(result.exitCode).toBe(1)
      expect(result.stdout).toContain('not valid JSON at line 1, column 13: unexpected "]".')
      expect(result.stdout).not.toMatch(/Unexpected token|is not valid JSON"/)
    })

    it('sends a YAML payload as a JSON object', async () => {
      const result = await fire({ payload: 'version: 1.2.3\nnotify:\n  - ops\n' })
      expect(result.exitCode).toBe(0)
      expect(refold.current.triggers()[0].json).toEqual({
        event: 'Release Published',
        payload: { version: '1.2.3', notify: ['ops'] }
      })
    })

    it('dry run: no request, no api key needed, outputs set', async () => {
      const result = await fire({ api_key: '', dry_run: 'true', payload: '{"a":1}' })
      expect(result.exitCode).toBe(0)
      expect(refold.current.requests).toHaveLength(0)
      expect(result.stdout).toContain(`POST ${refold.current.url}/api/v2/public/event`)
      expect(result.outputs).toMatchObject({
        ok: 'true',
        attempts: '0',
        status_code: '',
        payload: '{"a":1}',
        idempotency_key:
          'acme/shop-api/9876543210/notify/refold/Release%20Published/acme%40example.com'
      })
    })

    it('never shows the api key, debug mode included, except in the ::add-mask:: line', async () => {
      const key = 'pk_live_LEAKCHECK_5f3c9a1e7d2b'
      await refold.replace({ apiKeys: [key] })
      const runs = [
        await fire({ api_key: key }, { env: { RUNNER_DEBUG: '1' } }),
        await fire({ api_key: key, event: 'Nope' }, { env: { RUNNER_DEBUG: '1' } }),
        await fire({ api_key: key, dry_run: 'true' }, { env: { RUNNER_DEBUG: '1' } }),
        await fire({ api_key: key, timeout: 'x' }, { env: { RUNNER_DEBUG: '1' } })
      ]
      // Debug lines are written (the runner shows them with RUNNER_DEBUG) once settings are read.
      for (const result of runs.slice(0, 3)) expect(result.stdout).toContain('::debug::')
      for (const result of runs) {
        const stdout = result.stdout
          .split('\n')
          .filter(line => line !== `::add-mask::${key}`)
          .join('\n')
        expect(result.stdout).toContain(`::add-mask::${key}`)
        const summary = renderedSummary(result.summary)
        for (const text of [stdout, result.stderr, result.outputFile, summary]) {
          expect(text).not.toContain(key)
        }
      }
    })
  })

  describe('GitHub context', () => {
    it('sends the release summary, commit text byte-identical, when no payload is given', async () => {
      const event = JSON.parse(
        await readFile(path.join(ROOT, '__fixtures__/events/release.json'), 'utf8')
      )
      const result = await fire({}, { event, eventName: 'release' })
      expect(result.exitCode).toBe(0)
      const payload = refold.current.triggers()[0].json as {
        payload: { github: Record<string, unknown> }
      }
      expect(payload.payload.github).toMatchObject({
        event_name: 'release',
        repository: 'acme/shop-api',
        ref_name: 'v2.4.0',
        run_id: 9876543210,
        run_number: 57,
        run_attempt: 1,
        run_url: 'https://github.com/acme/shop-api/actions/runs/9876543210',
        release: {
          tag_name: event.release.tag_name,
          body: event.release.body,
          draft: event.release.draft,
          author: event.release.author.login
        }
      })
    })

    it('sends the push summary with the head commit message intact', async () => {
      const event = JSON.parse(
        await readFile(path.join(ROOT, '__fixtures__/events/push.json'), 'utf8')
      )
      const result = await fire(
        { github_context: 'always', payload: '{"stage":"prod"}' },
        { event, eventName: 'push' }
      )
      expect(result.exitCode).toBe(0)
      const { payload } = refold.current.triggers()[0].json as {
        payload: {
          stage: string
          github: { push: { head_commit: { message: string }; commits_count: number } }
        }
      }
      expect(payload.stage).toBe('prod')
      expect(payload.github.push.head_commit.message).toBe(event.head_commit.message)
      expect(payload.github.push.commits_count).toBe(event.commits.length)
    })

    it('an unreadable event file still gives the base fields, with a warning', async () => {
      const result = await fire({}, { event: '{ not json', eventName: 'release' })
      expect(result.exitCode).toBe(0)
      expect(result.stdout).toContain('::warning::Could not load the GitHub context')
      const { payload } = refold.current.triggers()[0].json as {
        payload: { github: Record<string, unknown> }
      }
      expect(payload.github).toMatchObject({ event_name: 'release', repository: 'acme/shop-api' })
      expect(payload.github).not.toHaveProperty('release')
    })
  })
})
