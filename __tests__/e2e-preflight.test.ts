// The check before firing, end to end: the bundled action and CLI under Node 20 and 24 against a
// fake Refold whose events carry a json_schema. What fires, what is read, and what the user sees.
import { fakeRefoldPerTest } from '../test/e2e-setup.js'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { readFile } from 'node:fs/promises'
import * as path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import {
  DEFAULT_API_KEY,
  DEFAULT_EVENTS,
  EVENTS_WITH_SCHEMA,
  type FakeRefoldOptions
} from '../test/fake-refold.js'
import { nodeBinaries } from '../test/node-binaries.js'
import { runCli } from '../test/run-cli.js'
import {
  fireSampleEvent,
  renderedSummary,
  ROOT,
  type RunOptions,
  type RunResult
} from '../test/run-action.js'

const EVENT = 'Release Published'
const EVENTS_PATH = '/api/v2/public/application/event'
const TRIGGER_PATH = '/api/v2/public/event'
const THREE = 'acme\nglobex\ninitech\n'
/** Breaks RELEASE_SCHEMA twice: `version` is not a string, `notes` is missing. */
const BAD_PAYLOAD = '{"version": 110}'
const GOOD_PAYLOAD = '{"version": "2.4.0", "notes": "Order exports"}'

/** The default events, `Release Published` carrying `schema` as its json_schema. */
const eventsWith = (schema: unknown): FakeRefoldOptions['events'] =>
  DEFAULT_EVENTS.map(event => (event.name === EVENT ? { ...event, json_schema: schema } : event))

const lines = (result: RunResult, kind: 'error' | 'warning' | 'notice'): string[] =>
  result.stdout.split('\n').filter(line => line.startsWith(`::${kind}::`))

/** A schema nested `levels` deep: `items` inside `items` … around a string. */
function deepSchema(levels: number): Record<string, unknown> {
  let schema: Record<string, unknown> = { type: 'string' }
  for (let i = 1; i < levels; i++) schema = { items: schema }
  return schema
}

/** A server standing where a remote `$ref` points: any request it gets is a fetched schema. */
async function startRecorder(): Promise<{ url: string; hits: string[]; server: Server }> {
  const hits: string[] = []
  const server = createServer((request, response) => {
    hits.push(`${request.method} ${request.url}`)
    response.setHeader('content-type', 'application/json')
    response.end(JSON.stringify({ type: 'string' }))
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, hits, server }
}

describe.each(nodeBinaries())('dist/index.js under %s, check before firing', (_label, node) => {
  const refold = fakeRefoldPerTest()

  async function run(
    fakeOptions: FakeRefoldOptions,
    inputs: Record<string, string>,
    options: Omit<RunOptions, 'inputs'> = {}
  ): Promise<RunResult> {
    const fake = await refold.start(fakeOptions)
    const result = await fireSampleEvent(fake.url, inputs, { node, ...options })
    noKeyAnywhere(result)
    return result
  }

  const noKeyAnywhere = (result: RunResult): void => {
    // The runner is told to mask the key: that one line is the only place it may appear.
    const stdout = result.stdout.replace(`::add-mask::${DEFAULT_API_KEY}\n`, '')
    for (const text of [
      stdout,
      result.stderr,
      result.outputFile,
      renderedSummary(result.summary)
    ]) {
      expect(text).not.toContain(DEFAULT_API_KEY)
    }
  }

  const paths = (): string[] =>
    refold.current.requests.map(request => `${request.method} ${request.path}`)
  const eventReads = (): number => paths().filter(p => p === `GET ${EVENTS_PATH}`).length
  const triggers = (): number => refold.current.triggers().length

  describe('a payload that breaks the schema', () => {
    it('for 3 accounts fires nothing, and the error and summary name /version and notes without the values', async () => {
      const result = await run(
        { events: EVENTS_WITH_SCHEMA },
        { linked_account_id: THREE, payload: BAD_PAYLOAD }
      )
      expect(result.exitCode).toBe(1)
      expect(paths()).toEqual([`GET ${EVENTS_PATH}`])
      expect(result.outputs).toMatchObject({
        ok: 'false',
        error_code: 'PAYLOAD_INVALID',
        preflight: 'failed',
        attempts: '0'
      })
      const errors = lines(result, 'error')
      expect(errors).toHaveLength(1)
      expect(errors[0]).toContain('nothing was fired')
      expect(errors[0]).toContain('/version must be string')
      expect(errors[0]).toContain('missing required property notes')
      expect(errors[0]).not.toContain('110')
      // The message output is the first violation, one of the two.
      expect(['/ missing required property notes', '/version must be string']).toContain(
        result.outputs.message
      )
      // The summary lists every violation; only the payload block shows the payload itself.
      const summary = renderedSummary(result.summary)
      const violations = summary.slice(0, summary.indexOf('<details>'))
      expect(violations).toContain('/version must be string')
      expect(violations).toContain('missing required property notes')
      expect(violations).not.toContain('110')
    })

    it('with fail_on_error false is a warning: exit 0, still nothing fired', async () => {
      const result = await run(
        { events: EVENTS_WITH_SCHEMA },
        { linked_account_id: THREE, payload: BAD_PAYLOAD, fail_on_error: 'false' }
      )
      expect(result.exitCode).toBe(0)
      expect(triggers()).toBe(0)
      expect(lines(result, 'error')).toEqual([])
      const warnings = lines(result, 'warning').join('\n')
      expect(warnings).toContain('/version must be string')
      expect(warnings).toContain('missing required property notes')
      expect(result.outputs).toMatchObject({
        ok: 'false',
        error_code: 'PAYLOAD_INVALID',
        preflight: 'failed'
      })
    })
  })

  it('a payload that fits fires 3 after exactly one events read, made before the first trigger', async () => {
    const result = await run(
      { events: EVENTS_WITH_SCHEMA },
      { linked_account_id: THREE, payload: GOOD_PAYLOAD }
    )
    expect(result.exitCode).toBe(0)
    expect(paths()).toEqual([
      `GET ${EVENTS_PATH}`,
      `POST ${TRIGGER_PATH}`,
      `POST ${TRIGGER_PATH}`,
      `POST ${TRIGGER_PATH}`
    ])
    expect(result.outputs).toMatchObject({ ok: 'true', accepted: '3', preflight: 'passed' })
    expect(result.stdout).toContain(`The payload matches the schema of event "${EVENT}".`)
  })

  it('one account without wait stays exactly one request: preflight off', async () => {
    const result = await run({ events: EVENTS_WITH_SCHEMA }, { payload: BAD_PAYLOAD })
    expect(result.exitCode).toBe(0)
    expect(paths()).toEqual([`POST ${TRIGGER_PATH}`])
    expect(result.outputs).toMatchObject({ ok: 'true', preflight: 'off' })
  })

  describe('the preflight input', () => {
    it('true checks a single account: a bad payload fires nothing', async () => {
      const result = await run(
        { events: EVENTS_WITH_SCHEMA },
        { payload: BAD_PAYLOAD, preflight: 'true' }
      )
      expect(result.exitCode).toBe(1)
      expect(paths()).toEqual([`GET ${EVENTS_PATH}`])
      expect(result.outputs).toMatchObject({ error_code: 'PAYLOAD_INVALID', preflight: 'failed' })
    })

    it('false fires 3 accounts without reading the events list', async () => {
      const result = await run(
        { events: EVENTS_WITH_SCHEMA },
        { linked_account_id: THREE, payload: BAD_PAYLOAD, preflight: 'false' }
      )
      expect(result.exitCode).toBe(0)
      expect(eventReads()).toBe(0)
      expect(triggers()).toBe(3)
      expect(result.outputs).toMatchObject({ ok: 'true', preflight: 'off' })
    })

    it('an invalid value is an input error naming preflight; nothing is sent', async () => {
      const result = await run(
        { events: EVENTS_WITH_SCHEMA },
        { linked_account_id: THREE, preflight: 'sometimes' }
      )
      expect(result.exitCode).toBe(1)
      expect(refold.current.requests).toEqual([])
      expect(lines(result, 'error')).toEqual([
        `::error::Invalid input 'preflight': "sometimes" is not one of auto, true, false.`
      ])
    })
  })

  it('with wait, the events list is read once: the check and the wait share it', async () => {
    const result = await run(
      { events: EVENTS_WITH_SCHEMA },
      {
        payload: GOOD_PAYLOAD,
        wait: 'true',
        wait_interval: '1',
        wait_timeout: '15',
        wait_settle: '0'
      }
    )
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({ preflight: 'passed', execution_status: 'COMPLETED' })
    expect(eventReads()).toBe(1)
    expect(paths().indexOf(`GET ${EVENTS_PATH}`)).toBeLessThan(
      paths().indexOf(`POST ${TRIGGER_PATH}`)
    )
  })

  describe.each([
    [403, { message: 'Forbidden' }, 'HTTP 403'],
    [404, { message: 'Cannot GET /api/v2/public/application/event' }, 'HTTP 404']
  ])('an events list answered %i', (status, body, named) => {
    it('under auto: a warning, preflight skipped, the accounts are fired', async () => {
      const fake = await refold.start({ events: EVENTS_WITH_SCHEMA })
      fake.script('events', { status, body })
      const result = await run({}, { linked_account_id: THREE, payload: BAD_PAYLOAD })
      expect(result.exitCode).toBe(0)
      expect(eventReads()).toBe(1)
      expect(triggers()).toBe(3)
      expect(result.outputs).toMatchObject({ ok: 'true', preflight: 'skipped' })
      const warnings = lines(result, 'warning')
      expect(warnings).toEqual([
        expect.stringMatching(/^::warning::Could not check the payload before firing: /)
      ])
      expect(warnings[0]).toContain(named)
    })

    it('under true: the step fails, nothing fired', async () => {
      const fake = await refold.start({ events: EVENTS_WITH_SCHEMA })
      fake.script('events', { status, body })
      const result = await run(
        {},
        { linked_account_id: THREE, payload: GOOD_PAYLOAD, preflight: 'true' }
      )
      expect(result.exitCode).toBe(1)
      expect(triggers()).toBe(0)
      expect(result.outputs).toMatchObject({ ok: 'false', preflight: 'failed' })
      const errors = lines(result, 'error')
      expect(errors).toHaveLength(1)
      expect(errors[0]).toContain('Could not check the payload before firing')
      expect(errors[0]).toContain(named)
      expect(errors[0]).toContain('nothing was fired')
    })
  })

  it('an unknown event in a fan-out fires nothing and names the closest event', async () => {
    const result = await run(
      { events: EVENTS_WITH_SCHEMA },
      { event: 'Release Publised', linked_account_id: THREE, concurrency: '5', payload: '{}' }
    )
    expect(result.exitCode).toBe(1)
    expect(paths()).toEqual([`GET ${EVENTS_PATH}`])
    expect(result.outputs).toMatchObject({ ok: 'false', preflight: 'failed' })
    const errors = lines(result, 'error')
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain('"Release Publised" is not in the org\'s events list')
    expect(errors[0]).toContain('Closest event names: "Release Published"')
  })

  describe('a dry run', () => {
    it('with a bad payload fails (exit 1) and sends nothing', async () => {
      const result = await run(
        { events: EVENTS_WITH_SCHEMA },
        { dry_run: 'true', payload: BAD_PAYLOAD }
      )
      expect(result.exitCode).toBe(1)
      expect(paths()).toEqual([`GET ${EVENTS_PATH}`])
      expect(result.outputs).toMatchObject({
        ok: 'false',
        error_code: 'PAYLOAD_INVALID',
        preflight: 'failed'
      })
      expect(lines(result, 'error').join('\n')).toContain('/version must be string')
    })

    it('with a good payload passes (exit 0) and sends nothing', async () => {
      const result = await run(
        { events: EVENTS_WITH_SCHEMA },
        { dry_run: 'true', payload: GOOD_PAYLOAD }
      )
      expect(result.exitCode).toBe(0)
      expect(paths()).toEqual([`GET ${EVENTS_PATH}`])
      expect(result.outputs).toMatchObject({ ok: 'true', attempts: '0', preflight: 'passed' })
    })

    it('without a key under auto skips the check with a notice', async () => {
      const result = await run(
        { events: EVENTS_WITH_SCHEMA },
        { dry_run: 'true', api_key: '', payload: BAD_PAYLOAD }
      )
      expect(result.exitCode).toBe(0)
      expect(refold.current.requests).toEqual([])
      expect(result.outputs).toMatchObject({ ok: 'true', preflight: 'skipped' })
      expect(lines(result, 'notice').join('\n')).toMatch(/not checked/)
    })

    it('without a key under preflight true is an input error; nothing is sent', async () => {
      const result = await run(
        { events: EVENTS_WITH_SCHEMA },
        { dry_run: 'true', api_key: '', preflight: 'true', payload: GOOD_PAYLOAD }
      )
      expect(result.exitCode).toBe(1)
      expect(refold.current.requests).toEqual([])
      const errors = lines(result, 'error')
      expect(errors).toHaveLength(1)
      expect(errors[0]).toContain(`'api_key'`)
      expect(errors[0]).toContain(`'preflight'`)
    })
  })

  describe('a schema that cannot be used', () => {
    it.each([
      ['a remote $ref (never fetched)', 'remote', /\$ref/],
      ['a string', 'a string', /not a JSON object/],
      ['200 levels deep', deepSchema(200), /deeper than 100/],
      [
        'an unknown $schema',
        { $schema: 'https://example.com/my-dialect', type: 'object' },
        /\$schema/
      ]
    ])(
      '%s: auto warns, skips and fires; true fails with nothing fired',
      async (_name, given, reason) => {
        const recorder = await startRecorder()
        try {
          const schema =
            given === 'remote'
              ? {
                  type: 'object',
                  properties: {
                    version: { $ref: `${recorder.url}/version.json` },
                    notes: { $ref: 'https://evil.example/x.json' }
                  }
                }
              : given
          await refold.start({ events: eventsWith(schema) })

          const auto = await run({}, { linked_account_id: THREE, payload: BAD_PAYLOAD })
          expect(auto.exitCode).toBe(0)
          expect(triggers()).toBe(3)
          expect(auto.outputs).toMatchObject({ ok: 'true', preflight: 'skipped' })
          const warnings = lines(auto, 'warning')
          expect(warnings).toHaveLength(1)
          expect(warnings[0]).toContain('Could not check the payload before firing')
          expect(warnings[0]).toMatch(reason)

          const strict = await run(
            {},
            { linked_account_id: THREE, payload: GOOD_PAYLOAD, preflight: 'true' }
          )
          expect(strict.exitCode).toBe(1)
          expect(triggers()).toBe(3)
          expect(strict.outputs).toMatchObject({ ok: 'false', preflight: 'failed' })
          expect(lines(strict, 'error').join('\n')).toMatch(reason)
          // Every request went to the fake; the schema's remote address was never asked.
          expect(recorder.hits).toEqual([])
        } finally {
          await new Promise(resolve => recorder.server.close(resolve))
        }
      }
    )
  })

  describe('schemas of each draft: a payload that breaks them fails at the right pointer, one that fits is fired', () => {
    it.each([
      [
        'a draft-07 tuple',
        {
          $schema: 'http://json-schema.org/draft-07/schema#',
          type: 'object',
          properties: {
            pair: {
              type: 'array',
              items: [{ type: 'string' }, { type: 'number' }],
              additionalItems: false
            }
          }
        },
        '{"pair": ["a", "b", "c"]}',
        ['/pair/1 must be number', '/pair/2 is not an allowed item'],
        '{"pair": ["a", 1]}'
      ],
      [
        'a 2020-12 prefixItems without $schema',
        {
          type: 'object',
          properties: {
            pair: { prefixItems: [{ type: 'string' }, { type: 'integer' }], items: false }
          }
        },
        '{"pair": ["a", 1.5]}',
        ['/pair/1 must be integer'],
        '{"pair": ["a", 2]}'
      ],
      [
        'a recursive $ref',
        {
          $ref: '#/$defs/node',
          $defs: {
            node: {
              type: 'object',
              required: ['name'],
              properties: {
                name: { type: 'string' },
                children: { type: 'array', items: { $ref: '#/$defs/node' } }
              }
            }
          }
        },
        '{"name": "root", "children": [{"name": "a", "children": [{"children": []}]}]}',
        ['/children/0/children/0 missing required property name'],
        '{"name": "root", "children": [{"name": "a", "children": [{"name": "b"}]}]}'
      ]
    ])('%s', async (_name, schema, bad, violations, good) => {
      await refold.start({ events: eventsWith(schema) })
      const broken = await run({}, { linked_account_id: THREE, payload: bad })
      expect(broken.exitCode).toBe(1)
      expect(triggers()).toBe(0)
      expect(broken.outputs).toMatchObject({ error_code: 'PAYLOAD_INVALID', preflight: 'failed' })
      const errors = lines(broken, 'error').join('\n')
      for (const violation of violations) expect(errors).toContain(violation)
      expect(broken.outputs.message).toBe(violations[0])

      const fitting = await run({}, { linked_account_id: THREE, payload: good })
      expect(fitting.exitCode).toBe(0)
      expect(triggers()).toBe(3)
      expect(fitting.outputs).toMatchObject({ ok: 'true', preflight: 'passed' })
    })
  })

  describe('a schema on the GitHub context part of the payload (github_context auto, no payload)', () => {
    const requireAt = (keys: string[], leaf: Record<string, unknown>): Record<string, unknown> =>
      keys.reduceRight<Record<string, unknown>>(
        (inner, key) => ({ type: 'object', required: [key], properties: { [key]: inner } }),
        leaf
      )

    it('a push: github.push.after must be a string', async () => {
      const push = JSON.parse(
        await readFile(path.join(ROOT, '__fixtures__/events/push.json'), 'utf8')
      )
      const fake = await refold.start({
        events: eventsWith(requireAt(['github', 'push', 'after'], { type: 'string' }))
      })
      const fitting = await run(
        {},
        { linked_account_id: THREE },
        { event: push, eventName: 'push' }
      )
      expect(fitting.exitCode).toBe(0)
      expect(fitting.outputs.preflight).toBe('passed')
      expect(triggers()).toBe(3)
      const sent = fake.triggers()[0].json as { payload: { github: { push: { after: string } } } }
      expect(sent.payload.github.push.after).toBe(push.after)

      // An event file whose `after` is not a string: the context carries null there.
      const nullAfter = { ...push, after: null }
      const broken = await run(
        {},
        { linked_account_id: THREE },
        { event: nullAfter, eventName: 'push' }
      )
      expect(broken.exitCode).toBe(1)
      expect(triggers()).toBe(3)
      expect(broken.outputs).toMatchObject({ error_code: 'PAYLOAD_INVALID', preflight: 'failed' })
      expect(lines(broken, 'error').join('\n')).toContain('/github/push/after must be string')
    })

    it('a release: github.release.tag_name must look like a version', async () => {
      await refold.start({
        events: eventsWith(
          requireAt(['github', 'release', 'tag_name'], {
            type: 'string',
            pattern: '^v[0-9]+\\.[0-9]+\\.[0-9]+$'
          })
        )
      })
      const fitting = await run({}, { linked_account_id: THREE }, { eventName: 'release' })
      expect(fitting.exitCode).toBe(0)
      expect(fitting.outputs.preflight).toBe('passed')
      expect(triggers()).toBe(3)

      const nightly = {
        action: 'published',
        release: { tag_name: 'nightly-build', name: 'Nightly', draft: false, prerelease: true },
        repository: { full_name: 'acme/shop-api', name: 'shop-api', owner: { login: 'acme' } }
      }
      const broken = await run(
        {},
        { linked_account_id: THREE },
        { event: nightly, eventName: 'release' }
      )
      expect(broken.exitCode).toBe(1)
      expect(triggers()).toBe(3)
      expect(broken.outputs).toMatchObject({ error_code: 'PAYLOAD_INVALID', preflight: 'failed' })
      const errors = lines(broken, 'error').join('\n')
      expect(errors).toContain('/github/release/tag_name must match pattern')
      expect(errors).not.toContain('nightly-build')
    })
  })
})

describe.each(nodeBinaries())('dist/cli.js under %s, check before firing', (_label, node) => {
  const refold = fakeRefoldPerTest()

  it('--dry-run with a bad payload exits 1, names the violations, sends nothing', async () => {
    const fake = await refold.start({ events: EVENTS_WITH_SCHEMA })
    const result = await runCli(
      [
        '--base-url',
        fake.url,
        '--event',
        EVENT,
        '--linked-account-id',
        'acme',
        '--dry-run',
        '--json',
        '--payload',
        BAD_PAYLOAD
      ],
      { node, env: { REFOLD_API_KEY: DEFAULT_API_KEY } }
    )
    expect(result.exitCode).toBe(1)
    expect(fake.requests.map(request => request.path)).toEqual([EVENTS_PATH])
    expect(result.stderr).toContain('/version must be string')
    expect(result.stderr).toContain('missing required property notes')
    expect(result.stderr).not.toContain('110')
    expect(JSON.parse(result.stdout)).toMatchObject({
      ok: false,
      error_code: 'PAYLOAD_INVALID',
      preflight: 'failed'
    })
    expect(result.stdout + result.stderr).not.toContain(DEFAULT_API_KEY)
  })

  it('--dry-run with a fitting payload exits 0 and sends nothing', async () => {
    const fake = await refold.start({ events: EVENTS_WITH_SCHEMA })
    const result = await runCli(
      [
        '--base-url',
        fake.url,
        '--event',
        EVENT,
        '--linked-account-id',
        'acme',
        '--dry-run',
        '--json',
        '--payload',
        JSON.stringify({ version: '2.4.0', notes: 'x' })
      ],
      { node, env: { REFOLD_API_KEY: DEFAULT_API_KEY } }
    )
    expect(result.exitCode).toBe(0)
    expect(fake.requests.map(request => request.path)).toEqual([EVENTS_PATH])
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, preflight: 'passed' })
  })
})
