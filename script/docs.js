// `npm run docs`: writes the README's inputs and outputs tables and the CLI's flag table
// (src/cli/flags.ts) from action.yml, so none of them can drift from it; `npm run docs -- --check`
// fails instead of writing when either is stale.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import * as prettier from 'prettier'
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

export const FLAGS_FILE = 'src/cli/flags.ts'

/**
 * src/cli/flags.ts: every input of action.yml as a command-line flag, in kebab-case. An input whose
 * default is 'true' or 'false' becomes a flag without a value that flips the default (`--wait`,
 * `--no-fail-on-error`). Formatted with the project's prettier settings, so lint and --check agree.
 */
export async function renderFlags(/** @type {string} */ actionYml) {
  const action = parse(actionYml)
  const rows = Object.entries(action.inputs).map(([input, spec]) => {
    const fallback = spec.default === undefined ? '' : String(spec.default)
    const kebab = input.replace(/_/g, '-')
    const common = {
      input,
      required: spec.required === true,
      default: fallback,
      description: String(spec.description ?? '').trim()
    }
    if (fallback === 'true')
      return { flag: `no-${kebab}`, ...common, takesValue: false, sets: 'false' }
    if (fallback === 'false') return { flag: kebab, ...common, takesValue: false, sets: 'true' }
    return { flag: kebab, ...common, takesValue: true }
  })
  const source = `// Generated from action.yml by \`npm run docs\` (script/docs.js): edit action.yml, not this file.
// \`npm run check-docs\` fails when this file is stale.

/** One input of action.yml as a command-line flag. */
export type ActionFlag = {
  /** The flag without its leading dashes: the input in kebab-case, \`no-\` first when it turns a default of true off. */
  readonly flag: string
  /** The input's name in action.yml. */
  readonly input: string
  /** Whether action.yml marks the input required. */
  readonly required: boolean
  /** action.yml's default, '' when it has none. */
  readonly default: string
  /** action.yml's description. */
  readonly description: string
} & (
  | { readonly takesValue: true }
  /** A switch: given, it sets the input to \`sets\`. */
  | { readonly takesValue: false; readonly sets: 'true' | 'false' }
)

/** Every input of action.yml, in its order. */
export const ACTION_FLAGS: readonly ActionFlag[] = ${JSON.stringify(rows, null, 2)}
`
  const options = await prettier.resolveConfig(path.join(ROOT, FLAGS_FILE))
  return prettier.format(source, { ...options, filepath: path.join(ROOT, FLAGS_FILE) })
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const actionYml = readFileSync(path.join(ROOT, 'action.yml'), 'utf8')
  const check = process.argv.includes('--check')
  const readmePath = path.join(ROOT, 'README.md')
  const { text, changed } = updateReadme(readFileSync(readmePath, 'utf8'), actionYml)
  if (check && changed.length) {
    const verb = changed.length === 1 ? 'differs' : 'differ'
    console.error(`${tablesNamed(changed)} ${verb} from action.yml: run \`npm run docs\`.`)
    process.exitCode = 1
  } else if (!check) {
    if (changed.length) writeFileSync(readmePath, text)
    console.log(docsMessage(changed))
  }

  const flagsPath = path.join(ROOT, FLAGS_FILE)
  const flags = existsSync(flagsPath) ? readFileSync(flagsPath, 'utf8') : ''
  const rendered = await renderFlags(actionYml)
  if (rendered === flags) {
    if (!check) console.log(`${FLAGS_FILE} already matches action.yml.`)
  } else if (check) {
    console.error(`${FLAGS_FILE} does not match action.yml: run \`npm run docs\`.`)
    process.exitCode = 1
  } else {
    writeFileSync(flagsPath, rendered)
    console.log(`${FLAGS_FILE} updated from action.yml.`)
  }
}
