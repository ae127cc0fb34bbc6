// The repository's GitHub configuration cannot run here (no GitHub), so what can be checked is:
// every workflow parses and pins its actions, and the `uses: ./` self-test's inputs, run through
// dist/ as the runner would, give the outputs its check step expects.
import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import * as path from 'node:path'
import { parseDocument } from 'yaml'
import { ROOT, runAction } from '../test/run-action.js'

interface Step {
  id?: string
  name?: string
  uses?: string
  run?: string
  if?: string
  with?: Record<string, unknown>
  env?: Record<string, string>
}
interface Job {
  'runs-on': string
  steps: Step[]
}
interface Workflow {
  name: string
  on: unknown
  permissions?: Record<string, string>
  jobs: Record<string, Job>
}

/** Parses a YAML file, failing on any error or warning the parser reports. */
function load<T>(file: string): T {
  const document = parseDocument(readFileSync(path.join(ROOT, file), 'utf8'))
  expect([...document.errors, ...document.warnings].map(problem => problem.message)).toEqual([])
  return document.toJS() as T
}

const workflowFiles = readdirSync(path.join(ROOT, '.github/workflows'))
  .filter(name => /\.ya?ml$/.test(name))
  .map(name => `.github/workflows/${name}`)

describe.each(workflowFiles)('%s', file => {
  it('parses, and every job runs on a runner and every step uses an action or runs a command', () => {
    const workflow = load<Workflow>(file)
    expect(workflow.name).toEqual(expect.any(String))
    expect(workflow.on).toBeDefined()
    expect(Object.keys(workflow.jobs).length).toBeGreaterThan(0)
    for (const job of Object.values(workflow.jobs)) {
      expect(job['runs-on']).toEqual(expect.any(String))
      for (const step of job.steps) expect(step.uses ?? step.run).toEqual(expect.any(String))
    }
  })

  it('pins every action it uses to a major version', () => {
    const uses = Object.values(load<Workflow>(file).jobs).flatMap(job =>
      job.steps.flatMap(step => step.uses ?? [])
    )
    for (const action of uses) expect(action).toMatch(/^(\.\/|[\w-]+\/[\w-]+@v\d+$)/)
  })
})

describe('.github/workflows/ci.yml', () => {
  const ci = load<Workflow>('.github/workflows/ci.yml')
  const job = (name: string) => ci.jobs[name]

  describe('test-action', () => {
    const steps = job('test-action').steps
    const action = steps.find(step => step.uses === './')
    const check = steps[steps.indexOf(action!) + 1]

    it('runs the action from the checkout in a dry run, without a secret', () => {
      expect(action).toBeDefined()
      expect(action!.with).toMatchObject({
        dry_run: true,
        event: expect.any(String),
        linked_account_id: expect.any(String),
        payload: expect.any(String)
      })
      expect(action!.with).not.toHaveProperty('api_key')
      expect(JSON.stringify(job('test-action'))).not.toContain('secrets.')
    })

    it('checks the ok, attempts and payload outputs of that step', () => {
      const outputs = `steps.${action!.id}.outputs`
      expect(check.env).toMatchObject({
        OK: `\${{ ${outputs}.ok }}`,
        ATTEMPTS: `\${{ ${outputs}.attempts }}`,
        PAYLOAD: `\${{ ${outputs}.payload }}`
      })
      expect(check.run).toContain('expect ok "$OK" true')
      expect(check.run).toContain('expect attempts "$ATTEMPTS" 0')
      expect(check.run).toContain('expect payload "$PAYLOAD" "$EXPECTED_PAYLOAD"')
    })

    it('expects what dist/index.js really outputs for those inputs', async () => {
      // The runner hands every `with:` value to the action as a string.
      const inputs = Object.fromEntries(
        Object.entries(action!.with!).map(([name, value]) => [name, String(value)])
      )
      const result = await runAction({ inputs })
      expect(result.exitCode).toBe(0)
      expect(result.outputs).toMatchObject({
        ok: 'true',
        attempts: '0',
        payload: check.env!.EXPECTED_PAYLOAD
      })
    })
  })
})

describe('repository files', () => {
  it('has an executable script/release that refuses a tag that is not vX.Y.Z', () => {
    const release = path.join(ROOT, 'script/release')
    expect(existsSync(release)).toBe(true)
    expect(statSync(release).mode & 0o111).not.toBe(0)
    expect(() => execFileSync(release, ['1.2', '--dry-run'], { stdio: 'pipe' })).toThrow(
      /usage: script\/release vX\.Y\.Z/
    )
  })
})
