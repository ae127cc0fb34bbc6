// What `npm i -g refold-trigger` gets: the tarball `npm pack` makes (packed into a temporary folder,
// never the work tree) carries only what runs, has no dependencies to fetch, installs into an empty
// prefix without a registry or an engine warning, and its CLI runs under Node 20 and 24. Slow-ish
// (a pack and an install, a few seconds) but part of the normal suite: this is the users' door.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { nodeBinaries } from '../test/node-binaries.js'
import { ROOT } from '../test/run-action.js'

const INSTALL_TIMEOUT_MS = 120_000

interface PackedFile {
  path: string
}

let work: string
let tarball: string
let files: string[]
let prefix: string
let installLog: string

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'refold-package-'))
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe']
    })
  ) as { filename: string; files: PackedFile[] }[]
  tarball = path.join(work, packed.filename)
  files = packed.files.map(file => file.path)
  prefix = path.join(work, 'prefix')
  // No dependencies, so nothing is fetched: --offline proves it.
  const install = spawnSync(
    'npm',
    ['install', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tarball],
    { cwd: work, encoding: 'utf8', timeout: INSTALL_TIMEOUT_MS }
  )
  installLog = `${install.stdout}${install.stderr}`
  if (install.status !== 0) throw new Error(`npm install -g failed:\n${installLog}`)
}, INSTALL_TIMEOUT_MS)

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true })
})

describe('the npm tarball', () => {
  it('carries dist/, action.yml, README.md, LICENSE, CHANGELOG.md and package.json', () => {
    for (const file of [
      'package.json',
      'action.yml',
      'README.md',
      'LICENSE',
      'CHANGELOG.md',
      'dist/cli.js',
      'dist/index.js',
      'dist/licenses.txt'
    ]) {
      expect(files).toContain(file)
    }
  })

  it('carries no tests, sources, test servers or GitHub configuration', () => {
    const unwanted = files.filter(file =>
      /^(__tests__|__fixtures__|src|test|script|shims|\.github|\.ci|node_modules)\//.test(file)
    )
    expect(unwanted).toEqual([])
  })

  it('has no dependencies to install: everything runs from the bundle', () => {
    const manifest = JSON.parse(
      execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' })
    ) as Record<string, unknown>
    expect(manifest).not.toHaveProperty('dependencies')
    expect(manifest).not.toHaveProperty('private')
    expect(manifest.bin).toEqual({ 'refold-trigger': 'dist/cli.js' })
  })

  it('installs into an empty prefix with npm install -g, offline, without an engine warning', () => {
    expect(installLog).not.toMatch(/EBADENGINE|npm warn/i)
    expect(installLog).toMatch(/added 1 package/)
  })

  it('is written where git ignores it when packed into the work tree', () => {
    const ignored = spawnSync('git', ['check-ignore', '-q', path.basename(tarball)], { cwd: ROOT })
    expect(ignored.status).toBe(0)
  })
})

describe.each(nodeBinaries())('the installed refold-trigger under %s', (_, node) => {
  const cli = () => path.join(prefix, 'lib/node_modules/refold-trigger/dist/cli.js')
  const run = (args: string[]) =>
    spawnSync(node, [cli(), ...args], {
      encoding: 'utf8',
      timeout: 30_000,
      env: { PATH: process.env.PATH }
    })

  it('prints the package version with --version', () => {
    const version = (
      JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
        version: string
      }
    ).version
    const result = run(['--version'])
    expect(result.status).toBe(0)
    expect(result.stdout).toBe(`${version}\n`)
  })

  it('prints the request a dry run would send', () => {
    const result = run(['--event', 'X', '--linked-account-id', 'a', '--dry-run'])
    expect(result.status).toBe(0)
    expect(result.stderr + result.stdout).toContain(
      'POST https://api.gocobalt.io/api/v2/public/event'
    )
    expect(result.stderr + result.stdout).toContain('linked_account_id: a')
  })

  it('runs from the bin link npm made, the way a user types it', () => {
    const result = spawnSync(path.join(prefix, 'bin/refold-trigger'), ['--version'], {
      encoding: 'utf8',
      env: { PATH: `${path.dirname(node)}:${process.env.PATH}` }
    })
    expect(result.status).toBe(0)
    expect(result.stdout).toMatch(/^\d+\.\d+\.\d+\n$/)
  })
})
