// Builds the action into a directory (dist/ unless one is given): ncc's bundle of src/index.ts,
// plus undici bundled on its own as undici.cjs, which shims/undici loads only when needed.
import { execFileSync } from 'node:child_process'
import { appendFileSync, copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'

const out = process.argv[2] ?? 'dist'
const ncc = (/** @type {string} */ entry, /** @type {string} */ dir) =>
  execFileSync('npx', ['ncc', 'build', entry, '-o', dir, '--license', 'licenses.txt', '-q'], {
    stdio: ['ignore', 'ignore', 'inherit']
  })

rmSync(out, { recursive: true, force: true }) // ncc leaves files of earlier builds behind
ncc('src/index.ts', out)
const undici = mkdtempSync(path.join(tmpdir(), 'refold-undici-'))
try {
  ncc('node_modules/undici/index.js', undici)
  copyFileSync(path.join(undici, 'index.js'), path.join(out, 'undici.cjs'))
  appendFileSync(
    path.join(out, 'licenses.txt'),
    `\n${readFileSync(path.join(undici, 'licenses.txt'))}`
  )
} finally {
  rmSync(undici, { recursive: true, force: true })
}
