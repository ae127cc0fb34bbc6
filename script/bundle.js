// Builds the action, the CLI and the library into a directory (dist/ unless one is given): ncc's
// bundle of src/index.ts, plus undici bundled on its own as undici.cjs, which shims/undici loads
// only when needed; the CLI's bundle of src/cli.ts in cli/, started by cli.js (the package's bin);
// the library's bundle of src/lib.ts in lib/ with its TypeScript declarations (the package's
// `exports`); and licenses.txt with the license of every package any bundle holds.
import { execFileSync } from 'node:child_process'
import {
  chmodSync,
  copyFileSync,
  cpSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'

const out = process.argv[2] ?? 'dist'
const work = mkdtempSync(path.join(tmpdir(), 'refold-bundle-'))

/** Bundles `entry` into `dir`; returns the folders of the packages the bundle holds. */
function ncc(/** @type {string} */ entry, /** @type {string} */ dir) {
  const stats = path.join(work, `${path.basename(dir)}-stats.json`)
  execFileSync('npx', ['ncc', 'build', entry, '-o', dir, '-q', '--stats-out', stats], {
    stdio: ['ignore', 'ignore', 'inherit']
  })
  return packageFolders(JSON.parse(readFileSync(stats, 'utf8')).modules)
}

/**
 * The package folders named in webpack's module list (concatenated modules included).
 * ncc's own --license writes one file per chunk under the same name, so it would keep only one
 * chunk's packages.
 * @param {{ name?: string, modules?: { name?: string }[] }[]} modules
 */
function packageFolders(modules) {
  const folders = new Set()
  for (const { name = '', modules: inner = [] } of modules) {
    for (const module of [name, ...inner.map(m => m.name ?? '')]) {
      const folder = /^(?:\.\/)?(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(module)?.[1]
      if (folder) folders.add(folder)
    }
  }
  return folders
}

/** name@version, license and license text of each package, sorted by name. */
function licenses(/** @type {Set<string>} */ folders) {
  const entries = new Map()
  for (const folder of folders) {
    const { name, version, license } = JSON.parse(
      readFileSync(path.join(folder, 'package.json'), 'utf8')
    )
    const file = readdirSync(folder).find(f => /^(licen[sc]e|copying)(\.(md|txt))?$/i.test(f))
    const text = file
      ? readFileSync(path.join(folder, file), 'utf8').trim()
      : '(no license file in the package)'
    entries.set(`${name}@${version}`, `${name}@${version}\n${license ?? 'UNKNOWN'}\n${text}\n`)
  }
  return [...entries.keys()]
    .sort()
    .map(key => entries.get(key))
    .join('\n')
}

/**
 * The library's declarations: tsc emits one .d.ts per module the library reaches, kept under
 * types/ as src/ lays them out, and index.d.ts re-exports the entry's.
 */
function declarations(/** @type {string} */ dir) {
  const emitted = path.join(work, 'types')
  // tsconfig.lib.json: the library entry alone, declarations only.
  execFileSync('npx', ['tsc', '-p', 'tsconfig.lib.json', '--outDir', emitted], {
    stdio: ['ignore', 'inherit', 'inherit']
  })
  cpSync(path.join(emitted, 'src'), path.join(dir, 'types'), { recursive: true })
  writeFileSync(path.join(dir, 'index.d.ts'), "export * from './types/lib.js'\n")
}

try {
  rmSync(out, { recursive: true, force: true }) // ncc leaves files of earlier builds behind
  const action = ncc('src/index.ts', out)
  const undiciDir = path.join(work, 'undici')
  const undici = ncc('node_modules/undici/index.js', undiciDir)
  copyFileSync(path.join(undiciDir, 'index.js'), path.join(out, 'undici.cjs'))
  // The CLI gets a folder of its own: ncc names every bundle's chunks alike.
  const cli = ncc('src/cli.ts', path.join(out, 'cli'))
  const bin = path.join(out, 'cli.js')
  writeFileSync(bin, "#!/usr/bin/env node\nimport './cli/index.js'\n")
  chmodSync(bin, 0o755)
  const lib = ncc('src/lib.ts', path.join(out, 'lib'))
  declarations(path.join(out, 'lib'))
  writeFileSync(
    path.join(out, 'licenses.txt'),
    licenses(new Set([...action, ...undici, ...cli, ...lib]))
  )
} finally {
  rmSync(work, { recursive: true, force: true })
}
