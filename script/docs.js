// `npm run docs`: writes the README's inputs and outputs tables from action.yml, so the two cannot
// drift apart; `npm run docs -- --check` fails instead of writing when the README is stale.
import { readFileSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** The README with its generated sections rebuilt from action.yml. */
export function renderReadme(/** @type {string} */ readme, /** @type {string} */ actionYml) {
  return updateReadme(readme, actionYml).text
}

/**
 * The README rebuilt from action.yml, and which of its tables that changed, so `npm run docs` can
 * say what it did.
 * @returns {{ text: string, changed: string[] }}
 */
export function updateReadme(/** @type {string} */ readme, /** @type {string} */ actionYml) {
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
  /** @type {[string, string[]][]} */
  const tables = [
    [
      'inputs',
      ['| input | required | default | description |', '| --- | --- | --- | --- |', ...inputs]
    ],
    ['outputs', ['| output | description |', '| --- | --- |', ...outputs]]
  ]
  let text = readme
  const changed = []
  for (const [name, lines] of tables) {
    const next = replaceSection(text, name, lines)
    if (next !== text) changed.push(name)
    text = next
  }
  return { text, changed }
}

/** What `npm run docs` tells after rebuilding: which tables it wrote, or that none needed it. */
export function docsMessage(/** @type {string[]} */ changed) {
  return changed.length
    ? `${tablesNamed(changed)} updated from action.yml.`
    : 'README.md tables already match action.yml.'
}

/** `README.md inputs table`, `README.md inputs and outputs tables`. */
function tablesNamed(/** @type {string[]} */ names) {
  return `README.md ${names.join(' and ')} table${names.length === 1 ? '' : 's'}`
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
  const { text, changed } = updateReadme(
    readme,
    readFileSync(path.join(ROOT, 'action.yml'), 'utf8')
  )
  if (process.argv.includes('--check')) {
    if (changed.length) {
      const verb = changed.length === 1 ? 'differs' : 'differ'
      console.error(`${tablesNamed(changed)} ${verb} from action.yml: run \`npm run docs\`.`)
      process.exitCode = 1
    }
  } else {
    if (changed.length) writeFileSync(readmePath, text)
    console.log(docsMessage(changed))
  }
}
