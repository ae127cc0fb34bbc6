// The repository's GitHub configuration cannot run here (no GitHub), so what can be checked is:
// every workflow parses and pins its actions to a commit, the `uses: ./` self-test's inputs, run
// through dist/ as the runner would, give the outputs its check step expects, and the release
// workflow has the jobs, permissions and steps a release needs, its shell steps run here as there.
import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync
} from 'node:fs'
import { tmpdir } from 'node:os'
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
  needs?: string | string[]
  permissions?: Record<string, string>
  steps: Step[]
}
interface Workflow {
  name: string
  on: unknown
  permissions?: Record<string, string>
  concurrency?: unknown
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

  it('pins every action it uses to a full commit SHA, with the version in a comment', () => {
    const uses = Object.values(load<Workflow>(file).jobs).flatMap(job =>
      job.steps.flatMap(step => step.uses ?? [])
    )
    const text = readFileSync(path.join(ROOT, file), 'utf8')
    const pinned = [
      ...text.matchAll(/^\s*(?:- )?uses: ([\w.-]+\/[\w.-]+@[0-9a-f]{40}) # v\d+\.\d+\.\d+$/gm)
    ].map(match => match[1])
    expect(uses.length).toBeGreaterThan(0)
    // Every `uses:` the parser sees is either this checkout or a line of the pinned form.
    expect(uses.filter(action => action !== './')).toEqual(pinned)
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

describe('.github/workflows/release.yml', () => {
  const release = load<Workflow>('.github/workflows/release.yml')
  const job = (name: string) => release.jobs[name]
  const runs = (name: string) => job(name).steps.flatMap(step => step.run ?? [])
  const step = (name: string, uses: string) =>
    job(name).steps.find(candidate => candidate.uses?.startsWith(`${uses}@`))

  it('runs on a pushed vX.Y.Z tag, and on nothing else', () => {
    expect(release.on).toEqual({ push: { tags: ['v*.*.*'] } })
  })

  it('grants nothing by default, and each job only what it writes', () => {
    expect(release.permissions).toEqual({})
    expect(job('build').permissions).toEqual({ contents: 'read' })
    expect(job('github-release').permissions).toEqual({
      contents: 'write',
      'id-token': 'write',
      attestations: 'write'
    })
    expect(job('npm').permissions).toEqual({ contents: 'read', 'id-token': 'write' })
    expect(job('major-tag').permissions).toEqual({ contents: 'write' })
    expect(Object.keys(release.jobs).sort()).toEqual(
      ['build', 'github-release', 'major-tag', 'npm'].sort()
    )
  })

  it('tests, checks dist/, packs, and sums the tarball into SHA256SUMS, in that order', () => {
    const commands = runs('build').join('\n')
    const order = ['npm ci', 'npm test', 'npm run check-dist', 'npm pack', 'sha256sum']
    const at = order.map(command => commands.indexOf(command))
    expect(at.every(index => index >= 0)).toBe(true)
    expect([...at].sort((a, b) => a - b)).toEqual(at)
    expect(commands).toMatch(/sha256sum "\$tarball" > SHA256SUMS/)
  })

  it('attests the tarball and attaches it and SHA256SUMS to the GitHub release', () => {
    expect(job('github-release').needs).toBe('build')
    expect(step('github-release', 'actions/attest-build-provenance')?.with).toEqual({
      'subject-path': 'release/${{ needs.build.outputs.tarball }}'
    })
    expect(runs('github-release').join('\n')).toMatch(
      /gh release create "\$TAG" "release\/\$TARBALL" release\/SHA256SUMS/
    )
  })

  it('publishes that same tarball to npm with provenance, through trusted publishing', () => {
    expect(job('npm').needs).toBe('build')
    expect(runs('npm').join('\n')).toContain(
      'npm publish "release/$TARBALL" --provenance --access public'
    )
    expect(JSON.stringify(job('npm'))).not.toMatch(/NODE_AUTH_TOKEN|NPM_TOKEN|secrets\./)
  })

  it('moves the major tag last, only after the release and the publish, and only forward', () => {
    expect(job('major-tag').needs).toEqual(['github-release', 'npm'])
    const script = runs('major-tag').join('\n')
    expect(script).toContain('git merge-base --is-ancestor "$major" "$GITHUB_SHA"')
    expect(script).toContain('git push --force origin "refs/tags/$major"')
  })

  describe('its shell steps, run here', () => {
    const tagCheck = job('build').steps.find(candidate =>
      /The tag is vX\.Y\.Z/.test(candidate.name ?? '')
    )!
    const pack = job('build').steps.find(candidate => candidate.id === 'pack')!
    const version = (
      JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
        version: string
      }
    ).version
    const bash = (script: string, cwd: string, env: Record<string, string>) =>
      execFileSync('bash', ['-e', '-c', script], {
        cwd,
        env: { ...process.env, ...env },
        encoding: 'utf8',
        stdio: 'pipe'
      })

    it.each([
      [`v${version}`, true],
      ['v9.9.9', false],
      [`v${version}-rc.1`, false]
    ])(
      'accept the tag %s only when it is package.json version with a CHANGELOG section: %s',
      (tag, ok) => {
        const check = () => bash(tagCheck.run!, ROOT, { TAG: tag })
        if (ok) expect(check).not.toThrow()
        else expect(check).toThrow()
      }
    )

    it('pack the tarball, sum it, and take the release notes from the CHANGELOG', () => {
      const work = mkdtempSync(path.join(tmpdir(), 'refold-release-'))
      try {
        for (const file of ['package.json', 'action.yml', 'README.md', 'LICENSE', 'CHANGELOG.md']) {
          cpSync(path.join(ROOT, file), path.join(work, file))
        }
        cpSync(path.join(ROOT, 'dist'), path.join(work, 'dist'), { recursive: true })
        mkdirSync(path.join(work, 'out'))
        const output = path.join(work, 'out', 'github-output')
        bash(pack.run!, work, {
          TAG: `v${version}`,
          GITHUB_REPOSITORY: 'acme/refold-trigger',
          GITHUB_OUTPUT: output
        })
        const tarball = `refold-trigger-${version}.tgz`
        expect(readFileSync(output, 'utf8')).toBe(`tarball=${tarball}\n`)
        expect(bash('sha256sum -c SHA256SUMS', path.join(work, 'release'), {})).toContain(
          `${tarball}: OK`
        )
        const changelog = readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8')
        const notes = readFileSync(path.join(work, 'release-notes.md'), 'utf8')
        expect(notes.trim().length).toBeGreaterThan(0)
        expect(changelog).toContain(`## [${version}]`)
        expect(changelog.slice(changelog.indexOf(`## [${version}]`))).toContain(notes.trim())
        expect(notes).not.toContain('## [')
        const packed = JSON.parse(
          bash(`tar -xzOf release/${tarball} package/package.json`, work, {})
        ) as { repository: { url: string } }
        expect(packed.repository.url).toBe('git+https://github.com/acme/refold-trigger.git')
      } finally {
        rmSync(work, { recursive: true, force: true })
      }
    })
  })
})

describe('script/release', () => {
  const release = path.join(ROOT, 'script/release')
  const attempt =
    (...args: string[]) =>
    () =>
      execFileSync(release, args, { stdio: 'pipe' })

  it('is executable and refuses a tag that is not vX.Y.Z', () => {
    expect(existsSync(release)).toBe(true)
    expect(statSync(release).mode & 0o111).not.toBe(0)
    expect(attempt('1.2', '--dry-run')).toThrow(/usage: script\/release vX\.Y\.Z/)
  })

  it("refuses a tag that is not package.json's version, before looking at the work tree", () => {
    expect(attempt('v999.0.0', '--dry-run')).toThrow(/package\.json says .*, not 999\.0\.0/)
  })

  it('leaves moving the major tag to the release workflow: it pushes only vX.Y.Z', () => {
    const script = readFileSync(release, 'utf8')
    expect(script).toContain('run git push origin "$tag"')
    expect(script).not.toMatch(/git push .*\$major/)
  })
})
