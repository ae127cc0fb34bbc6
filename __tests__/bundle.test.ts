// What the committed bundle loads at start-up: the runner pays for every byte of dist/index.js on
// every run, so the parts only some runs need live in files of their own.
import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { readFileSync, readdirSync } from 'node:fs'
import * as path from 'node:path'
import { ROOT } from '../test/run-action.js'

const dist = (name: string): string => readFileSync(path.join(ROOT, 'dist', name), 'utf8')
/** Text that appears in each library's own code, and nowhere else in the bundle. */
const MARKERS = {
  undici: 'undici:client:beforeConnect',
  yaml: 'Nested mappings are not allowed in compact mappings',
  octokit: 'octokit-core.js'
}

describe('dist/', () => {
  it('keeps undici, the YAML parser and octokit out of index.js', () => {
    const main = dist('index.js')
    for (const marker of Object.values(MARKERS)) expect(main).not.toContain(marker)
    expect(main.length).toBeLessThan(400 * 1024)
  })

  it('has undici, the YAML parser and @actions/github each in a file loaded on demand', () => {
    // The action's files: the CLI's bundle in dist/cli/ is a build of its own.
    const files = readdirSync(path.join(ROOT, 'dist'), { withFileTypes: true })
      .filter(entry => entry.isFile())
      .map(entry => entry.name)
    const holding = (marker: string) => files.filter(name => dist(name).includes(marker))
    expect(holding(MARKERS.undici)).toEqual(['undici.cjs'])
    expect(holding(MARKERS.yaml)).toHaveLength(1)
    expect(holding(MARKERS.octokit)).toHaveLength(1)
    expect(holding(MARKERS.yaml)).not.toEqual(holding(MARKERS.octokit))
  })

  it('ships a undici.cjs that loads on its own and has what the shim forwards to', () => {
    const exported = execFileSync(
      process.execPath,
      [
        '-e',
        'const u = require(process.argv[1]); console.log(typeof u.ProxyAgent, typeof u.fetch)',
        path.join(ROOT, 'dist/undici.cjs')
      ],
      { encoding: 'utf8', cwd: '/' }
    )
    expect(exported.trim()).toBe('function function')
  })

  it('lists the license of every bundled package, from every chunk, next to the bundle', () => {
    const listed = dist('licenses.txt')
      .split('\n')
      .filter(line => /^(@[\w-]+\/)?[\w.-]+@\d/.test(line))
      .map(line => line.replace(/@[^@]+$/, ''))
    for (const name of [
      '@actions/core',
      '@actions/http-client',
      '@actions/github',
      '@octokit/core',
      'tunnel',
      'yaml',
      'undici'
    ]) {
      expect(listed).toContain(name)
    }
  })

  it('is an ES module package, as @actions/* require', () => {
    expect(JSON.parse(dist('package.json'))).toEqual({ type: 'module' })
  })
})
