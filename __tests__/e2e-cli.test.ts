// The bundled CLI (dist/cli.js) against the fake Refold, under Node 20 and 24: the same core as the
// action behind flags, REFOLD_API_KEY, --json and exit codes 0/1/2.
import { fakeRefoldPerTest } from '../test/e2e-setup.js'
import { describe, expect, it } from '@jest/globals'
import { DEFAULT_API_KEY } from '../test/fake-refold.js'
import { nodeBinaries } from '../test/node-binaries.js'
import { runCli, type CliResult } from '../test/run-cli.js'

const EVENT = 'Release Published'
const ACCOUNT = 'acme@example.com'

describe.each(nodeBinaries())('dist/cli.js under %s', (_label, node) => {
  const refold = fakeRefoldPerTest()

  const cli = async (
    args: string[],
    options: { key?: string; stdin?: string } = { key: DEFAULT_API_KEY }
  ): Promise<CliResult> => {
    const env: Record<string, string> = options.key ? { REFOLD_API_KEY: options.key } : {}
    return runCli(['--base-url', refold.current.url, ...args], { node, env, stdin: options.stdin })
  }
  const noKeyAnywhere = (result: CliResult): void => {
    expect(result.stdout + result.stderr).not.toContain(DEFAULT_API_KEY)
  }

  it('fires the event: exit 0, --json prints the outputs with their JSON types', async () => {
    await refold.start()
    const result = await cli([
      '--event',
      EVENT,
      '--linked-account-id',
      ACCOUNT,
      '--json',
      '--payload',
      '{"version":"2.4.0"}'
    ])
    expect(result.exitCode).toBe(0)
    const outputs = JSON.parse(result.stdout)
    expect(outputs).toMatchObject({
      ok: true,
      status_code: 200,
      message: 'Webhook Fired Success',
      error_code: null,
      attempts: 1,
      // JSON values with their JSON types, not strings of JSON.
      payload: { version: '2.4.0' },
      response: { message: 'Webhook Fired Success' },
      accepted: 1,
      failed: 0
    })
    expect(outputs.results).toEqual([
      expect.objectContaining({ linked_account_id: ACCOUNT, ok: true, status_code: 200 })
    ])
    // The generated key: one UUID per invocation, then the account.
    expect(outputs.idempotency_key).toMatch(/^[0-9a-f-]{36}\/acme%40example\.com$/)
    const [trigger] = refold.current.triggers()
    expect(trigger.headers['idempotency-key']).toBe(outputs.idempotency_key)
    expect(trigger.json).toEqual({ event: EVENT, payload: { version: '2.4.0' } })
    expect(result.stderr).toContain(`Refold accepted event "${EVENT}" for ${ACCOUNT}`)
    noKeyAnywhere(result)
  })

  it('404 INVALID_EVENT: exit 1, the closest event names on stderr', async () => {
    await refold.start()
    const result = await cli(['--event', 'release published', '--linked-account-id', ACCOUNT])
    expect(result.exitCode).toBe(1)
    expect(result.stderr).toContain('HTTP 404 NOT_FOUND INVALID_EVENT')
    expect(result.stderr).toContain('Closest event names: "Release Published"')
    expect(result.stdout).toBe('')
    noKeyAnywhere(result)
  })

  it('--no-fail-on-error: a refusal is a warning and exit 0', async () => {
    await refold.start()
    const result = await cli([
      '--event',
      'Nope',
      '--linked-account-id',
      ACCOUNT,
      '--no-fail-on-error'
    ])
    expect(result.exitCode).toBe(0)
    expect(result.stderr).toContain('warning: ')
  })

  it.each([
    [
      'an unknown flag',
      ['--event', EVENT, '--linked-account-id', ACCOUNT, '--evnt', 'x'],
      /--evnt/
    ],
    ['a missing --event', ['--linked-account-id', ACCOUNT], /Missing --event: it is required/],
    ['an --api-key flag', ['--api-key', 'pk_x', '--event', EVENT], /REFOLD_API_KEY/],
    [
      'a bad --timeout',
      ['--event', EVENT, '--linked-account-id', ACCOUNT, '--timeout', '0'],
      /Invalid --timeout: "0" is not a number of seconds from 1 to 600/
    ]
  ])('%s: exit 2, nothing sent', async (_what, args, message) => {
    await refold.start()
    const result = await cli(args)
    expect(result.exitCode).toBe(2)
    expect(result.stderr).toMatch(message)
    expect(refold.current.requests).toEqual([])
  })

  it('no REFOLD_API_KEY: exit 2, says where the key goes, nothing sent', async () => {
    await refold.start()
    const result = await cli(['--event', EVENT, '--linked-account-id', ACCOUNT], {})
    expect(result.exitCode).toBe(2)
    expect(result.stderr).toContain('REFOLD_API_KEY')
    expect(refold.current.requests).toEqual([])
  })

  it('--dry-run needs no key: prints the request, sends nothing', async () => {
    await refold.start()
    const result = await cli(
      ['--event', EVENT, '--linked-account-id', ACCOUNT, '--dry-run', '--json'],
      {}
    )
    expect(result.exitCode).toBe(0)
    expect(result.stderr).toContain(`POST ${refold.current.url}/api/v2/public/event`)
    expect(result.stderr).toContain('x-api-key: (not set)')
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, attempts: 0, status_code: null })
    expect(refold.current.requests).toEqual([])
  })

  it('--payload-file - reads the payload from standard input (YAML when it is not JSON)', async () => {
    await refold.start()
    const result = await cli(
      ['--event', EVENT, '--linked-account-id', ACCOUNT, '--payload-file', '-'],
      { key: DEFAULT_API_KEY, stdin: 'version: "2.4.0"\nnotify: [ops]\n' }
    )
    expect(result.exitCode).toBe(0)
    expect(refold.current.triggers()[0].json).toEqual({
      event: EVENT,
      payload: { version: '2.4.0', notify: ['ops'] }
    })
  })

  it('several --linked-account-id: one trigger each, results for all', async () => {
    await refold.start()
    const result = await cli([
      '--event',
      EVENT,
      '--linked-account-id',
      'a@example.com',
      '--linked-account-id',
      'b@example.com',
      '--json'
    ])
    expect(result.exitCode).toBe(0)
    expect(
      refold.current
        .triggers()
        .map(t => t.headers.linked_account_id)
        .sort()
    ).toEqual(['a@example.com', 'b@example.com'])
    expect(JSON.parse(result.stdout)).toMatchObject({ accepted: 2, failed: 0 })
  })

  it('--help lists the flags, --version the version', async () => {
    await refold.start()
    const help = await cli(['--help'])
    expect(help.exitCode).toBe(0)
    expect(help.stdout).toContain('--linked-account-id')
    const version = await cli(['--version'])
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/)
  })
})
