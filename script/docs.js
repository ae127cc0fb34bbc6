// `npm run docs`: writes the README's inputs and outputs tables from action.yml, so the two cannot
// drift apart; `npm run docs -- --check` fails instead of writing when the README is stale.
import { readFileSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** The README with its generated sections rebuilt from action.yml. */
export function renderReadme(/** @type {string} */ readme, /** @type {string} */ actionYml) {
  const action = parse(actionYml)
  const cell = (/** @type {unknown} */ text) =>
    String(text ?? '')
      .replace(/\|/g, '\\|')
      .replace(/\n/g, ' ')
  const inputs = Object.entries(action.inputs).map(
    ([name, spec]) =>
      `| \`${name}\` | ${spec.required ? 'yes' : 'no'} | ${spec.default === undefined || spec.default === '' ? '' : `\`${spec.default}\``} | ${cell(spec.description)} |`
  )
  const outputs = Object.entries(action.outputs).map(
    ([name, spec]) => `| \`${name}\` | ${cell(spec.description)} |`
  )
  return replaceSection(
    replaceSection(readme, 'inputs', [
      '| input | required | default | description |',
      '| --- | --- | --- | --- |',
      ...inputs
    ]),
    'outputs',
    ['| output | description |', '| --- | --- |', ...outputs]
  )
}

function replaceSection(
  /** @type {string} */ readme,
  /** @type {string} */ name,
  /** @type {string[]} */ lines
) {
  const start = `<!-- ${name}:start (generated from action.yml by npm run docs) -->`
  const end = `<!-- ${name}:end -->`
  const from = readme.indexOf(start)
  const to = readme.indexOf(end)
  if (from < 0 || to < from) throw new Error(`README.md has no ${start} ... ${end} section`)
  return `${readme.slice(0, from + start.length)}\n${lines.join('\n')}\n${readme.slice(to)}`
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const readmePath = path.join(ROOT, 'README.md')
  const readme = readFileSync(readmePath, 'utf8')
  const rendered = renderReadme(readme, readFileSync(path.join(ROOT, 'action.yml'), 'utf8'))
  if (process.argv.includes('--check')) {
    if (rendered !== readme) {
      console.error('README.md inputs/outputs tables differ from action.yml: run `npm run docs`.')
      process.exitCode = 1
    }
  } else if (rendered !== readme) {
    writeFileSync(readmePath, rendered)
    console.log('README.md tables updated from action.yml.')
  }
}
