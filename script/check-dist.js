// Fails when dist/ is not what `npm run bundle` builds from the current sources: the runner runs
// dist/index.js, so a stale bundle would ship code nobody reviewed.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'

const fresh = mkdtempSync(path.join(tmpdir(), 'refold-dist-'))
try {
  execFileSync('node', ['script/bundle.js', fresh], {
    stdio: ['ignore', 'ignore', 'inherit']
  })
  /** Every file below `dir`, as paths relative to it: the CLI's bundle sits in a folder. */
  const files = (/** @type {string} */ dir) =>
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter(entry => entry.isFile())
      .map(entry => path.relative(dir, path.join(entry.parentPath, entry.name)))
      .sort()
  /** @type {string[]} */
  const problems = []
  const expected = files(fresh)
  const actual = files('dist')
  for (const name of new Set([...expected, ...actual])) {
    if (!actual.includes(name)) problems.push(`dist/${name} is missing`)
    else if (!expected.includes(name)) problems.push(`dist/${name} is no longer built`)
    else if (!readFileSync(path.join(fresh, name)).equals(readFileSync(path.join('dist', name)))) {
      problems.push(`dist/${name} differs from a fresh build`)
    }
  }
  if (problems.length) {
    console.error(
      `dist/ is stale:\n  ${problems.join('\n  ')}\nRun \`npm run bundle\` and commit dist/.`
    )
    process.exitCode = 1
  } else {
    console.log(`dist/ matches a fresh build (${expected.length} files).`)
  }
} finally {
  rmSync(fresh, { recursive: true, force: true })
}
