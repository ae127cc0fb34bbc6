// The library door as a user's release script meets it: `import { fire } from 'refold-trigger'`
// resolved through package.json `exports` to the bundle in dist/lib, under Node 20 and 24, against
// the fake Refold; and its declarations compiled by a consumer's TypeScript.
import { fakeRefoldPerTest } from '../test/e2e-setup.js'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile, execFileSync } from 'node:child_process'
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { DEFAULT_API_KEY } from '../test/fake-refold.js'
import { nodeBinaries } from '../test/node-binaries.js'
import { ROOT } from '../test/run-action.js'

/** A user's project: refold-trigger installed (linked) in its node_modules, and a script. */
let project: string

// The script gets its options as JSON; `abortAfterMs` aborts the run through its signal.
const SCRIPT = `
import { fire } from 'refold-trigger'
const { abortAfterMs, ...options } = JSON.parse(process.env.OPTIONS)
const controller = new AbortController()
if (abortAfterMs !== undefined) setTimeout(() => controller.abort(), abortAfterMs)
const lines = []
try {
  const outcome = await fire({ ...options, signal: controller.signal, log: { info: l => lines.push(l), warning: l => lines.push(l), notice: l => lines.push(l) } })
  console.log(JSON.stringify({ outcome, lines }))
} catch (error) {
  console.log(JSON.stringify({ error: { name: error.name, message: error.message }, lines }))
}
`

const CONSUMER = `
import { fire, type FireOptions, type Outcome, type AccountResult } from 'refold-trigger'
const options: FireOptions = {
  apiKey: 'tk_x',
  event: 'Release Published',
  linkedAccounts: ['acme'],
  wait: true,
  waitTimeout: 60,
  preflight: 'auto',
  payload: { version: '1.2.3' }
}
const outcome: Outcome = await fire(options)
const first: AccountResult | undefined = outcome.results[0]
const ok: boolean = outcome.ok && (first?.ok ?? false)
const status: string | null | undefined = first?.executionStatus
export { ok, status }
`

beforeAll(() => {
  project = mkdtempSync(path.join(tmpdir(), 'refold-library-'))
  mkdirSync(path.join(project, 'node_modules'))
  symlinkSync(ROOT, path.join(project, 'node_modules', 'refold-trigger'), 'dir')
  writeFileSync(path.join(project, 'package.json'), '{"type":"module","private":true}\n')
  writeFileSync(path.join(project, 'release.mjs'), SCRIPT)
})

afterAll(() => rmSync(project, { recursive: true, force: true }))

interface ScriptResult {
  outcome?: {
    ok: boolean
    cancelled: boolean
    executionStatus?: string
    results: {
      linkedAccountId: string
      ok: boolean
      statusCode: number | null
      message: string
      executionStatus: string | null
    }[]
  }
  error?: { name: string; message: string }
  lines: string[]
}

function runScript(node: string, options: Record<string, unknown>): Promise<ScriptResult> {
  return new Promise((resolve, reject) => {
    execFile(
      node,
      ['release.mjs'],
      {
        cwd: project,
        env: { PATH: process.env.PATH, OPTIONS: JSON.stringify(options) },
        timeout: 60_000
      },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`${error.message}\n${stderr}`))
        resolve(JSON.parse(stdout))
      }
    )
  })
}

describe.each(nodeBinaries())('import { fire } from "refold-trigger" under %s', (_label, node) => {
  const refold = fakeRefoldPerTest()

  const base = () => ({
    apiKey: DEFAULT_API_KEY,
    event: 'Release Published',
    baseUrl: refold.current.url
  })

  it('fires one account and resolves with the typed outcome', async () => {
    const fake = await refold.start()
    const { outcome, error } = await runScript(node, {
      ...base(),
      linkedAccounts: ['acme@example.com'],
      payload: { version: '2.4.0' }
    })
    expect(error).toBeUndefined()
    expect(outcome).toMatchObject({
      ok: true,
      results: [{ linkedAccountId: 'acme@example.com', ok: true, statusCode: 200 }]
    })
    expect(fake.triggers()).toHaveLength(1)
    expect(fake.triggers()[0].json).toEqual({
      event: 'Release Published',
      payload: { version: '2.4.0' }
    })
  })

  it('fires several accounts and waits for their executions', async () => {
    await refold.start({
      workflows: {
        'Release Published': [
          {
            name: 'Sync release',
            steps: [
              { status: 'RUNNING', afterMs: 0 },
              { status: 'COMPLETED', afterMs: 500 }
            ]
          }
        ]
      }
    })
    const { outcome, error } = await runScript(node, {
      ...base(),
      linkedAccounts: ['acme', 'globex'],
      payload: { version: '2.4.0', notes: 'fixes' },
      wait: true,
      waitInterval: 1,
      waitSettle: 1,
      waitTimeout: 30
    })
    expect(error).toBeUndefined()
    expect(outcome?.ok).toBe(true)
    expect(outcome?.executionStatus).toBe('COMPLETED')
    expect(outcome?.results.map(r => [r.linkedAccountId, r.ok, r.executionStatus])).toEqual([
      ['acme', true, 'COMPLETED'],
      ['globex', true, 'COMPLETED']
    ])
  })

  it('rejects a bad option naming it, before anything is sent', async () => {
    const fake = await refold.start()
    const { outcome, error } = await runScript(node, {
      ...base(),
      linkedAccounts: ['acme'],
      waitTimeout: -5
    })
    expect(outcome).toBeUndefined()
    expect(error).toEqual({
      name: 'InputError',
      message: 'Invalid options.waitTimeout: -5 is not a number of seconds from 1 to 21600.'
    })
    expect(fake.requests).toEqual([])
  })

  it('stops on its abort signal and resolves with what happened so far', async () => {
    const fake = await refold.start()
    // Every trigger is held 3 s by the server: the abort comes while the first is in flight.
    fake.script('trigger', { delayMs: 3000 }, { delayMs: 3000 }, { delayMs: 3000 })
    const started = Date.now()
    const { outcome, error } = await runScript(node, {
      ...base(),
      linkedAccounts: ['a', 'b', 'c'],
      concurrency: 1,
      preflight: false,
      abortAfterMs: 300
    })
    expect(error).toBeUndefined()
    expect(Date.now() - started).toBeLessThan(5000)
    expect(outcome?.ok).toBe(false)
    expect(outcome?.cancelled).toBe(true)
    expect(outcome?.results.map(r => r.message)).toEqual([
      'unknown: cancelled in flight',
      'not sent: cancelled',
      'not sent: cancelled'
    ])
    expect(fake.triggers()).toHaveLength(1)
  })
})

describe('the declarations', () => {
  it('compile in a consumer project that imports the package', () => {
    writeFileSync(path.join(project, 'consumer.ts'), CONSUMER)
    writeFileSync(
      path.join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noEmit: true,
          types: ['node'],
          typeRoots: [path.join(ROOT, 'node_modules/@types')]
        },
        files: ['consumer.ts']
      })
    )
    const tsc = path.join(ROOT, 'node_modules/.bin/tsc')
    expect(() => execFileSync(tsc, ['-p', project], { encoding: 'utf8' })).not.toThrow()
    // And a wrong option type is caught by the same declarations.
    writeFileSync(
      path.join(project, 'consumer.ts'),
      CONSUMER.replace('waitTimeout: 60', "waitTimeout: '60'")
    )
    let errors = ''
    try {
      execFileSync(tsc, ['-p', project], { encoding: 'utf8' })
    } catch (error) {
      errors = String((error as { stdout?: string }).stdout)
    }
    expect(errors).toContain("Type 'string' is not assignable to type 'number'")
  })
})
