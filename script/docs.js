// `npm run docs`: writes everything that restates action.yml from action.yml, so none of it can
// drift: the inputs and outputs tables of docs/inputs-outputs.md, the CLI's flag table
// (src/cli/flags.ts) and the GitLab CI/CD component (templates/refold-trigger.yml).
// `npm run docs -- --check` (npm run check-docs) fails instead of writing when any is stale.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import * as prettier from 'prettier'
import { Document, parse } from 'yaml'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

export const TABLES_FILE = 'docs/inputs-outputs.md'
export const FLAGS_FILE = 'src/cli/flags.ts'
export const COMPONENT_FILE = 'templates/refold-trigger.yml'

/** The tables page with its generated sections rebuilt from action.yml. */
export function renderTables(/** @type {string} */ page, /** @type {string} */ actionYml) {
  return updateTables(page, actionYml).text
}

/**
 * The tables page rebuilt from action.yml, and which of its tables changed, so `npm run docs` can
 * say what it did.
 * @returns {{ text: string, changed: string[] }}
 */
export function updateTables(/** @type {string} */ page, /** @type {string} */ actionYml) {
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
  let text = page
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
    : `${TABLES_FILE} tables already match action.yml.`
}

/** `docs/inputs-outputs.md inputs table`, `... inputs and outputs tables`. */
function tablesNamed(/** @type {string[]} */ names) {
  return `${TABLES_FILE} ${names.join(' and ')} table${names.length === 1 ? '' : 's'}`
}

function replaceSection(
  /** @type {string} */ page,
  /** @type {string} */ name,
  /** @type {string[]} */ lines
) {
  const start = `<!-- ${name}:start (generated from action.yml by npm run docs) -->`
  const end = `<!-- ${name}:end -->`
  const from = page.indexOf(start)
  const to = page.indexOf(end)
  if (from < 0 || to < from) throw new Error(`${TABLES_FILE} has no ${start} ... ${end} section`)
  return `${page.slice(0, from + start.length)}\n${lines.join('\n')}\n${page.slice(to)}`
}

/**
 * src/cli/flags.ts: every input of action.yml as a command-line flag, in kebab-case. An input whose
 * default is 'true' or 'false' becomes a flag without a value that flips the default (`--wait`,
 * `--no-fail-on-error`). Formatted with the project's prettier settings, so lint and --check agree.
 */
export async function renderFlags(/** @type {string} */ actionYml) {
  const action = parse(actionYml)
  const rows = Object.entries(action.inputs).map(([input, spec]) => {
    const fallback = spec.default === undefined ? '' : String(spec.default)
    const kebab = kebabCase(input)
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
  return formatted(source, FLAGS_FILE)
}

/**
 * The inputs the command line has no flag for (src/cli/args.ts `LEFT_OUT_INPUTS`, which a test
 * holds this list to), so the component has none either.
 */
export const COMPONENT_LEFT_OUT = ['api_key', 'github_context', 'summary']

/** Prefix of the job variables that carry the component's text inputs into its script. */
const VARIABLE_PREFIX = 'REFOLD_TRIGGER_'

/**
 * Where an action.yml description speaks of GitHub (steps, outputs, the workspace, a matrix), the
 * words a GitLab job means. A test fails on a description these leave GitHub-worded.
 * @type {[RegExp, string][]}
 */
const GITLAB_WORDING = [
  [/relative to the workspace/g, 'relative to the project directory'],
  [/the step succeeds/g, 'the job succeeds'],
  [/When the step is cancelled/g, 'When the job is cancelled'],
  [/ and set outputs, but/g, ', but'],
  [/for a matrix of n jobs/g, 'for n parallel jobs'],
  [
    /Default: derived from [^.]*?\(not the run attempt[^)]*\), then \/<account>\./g,
    'Default: a UUID drawn once per job run, then /<account>.'
  ]
]

/**
 * The GitLab CI/CD component: `spec: inputs:` named like the CLI flags (every action.yml input the
 * command line takes, in kebab-case, with action.yml's defaults) plus what a job needs (`stage`,
 * `image`, the CLI `version`, `results-file`, `json`), and one job that runs the CLI from npm with
 * a flag for every input given. Text inputs reach the script as job variables, never pasted into
 * it, so no value can run as shell code; booleans and numbers, which GitLab has already checked
 * against their type, are pasted.
 */
export async function renderComponent(
  /** @type {string} */ actionYml,
  /** @type {string} */ packageVersion
) {
  const action = parse(actionYml)
  const major = packageVersion.split('.')[0]
  /** @type {Record<string, object>} */
  const inputs = {
    stage: { description: 'The stage the job runs in.', default: 'deploy' },
    image: {
      description: 'The image the job runs in: any with Node 20 or later and npx.',
      default: 'node:24-alpine'
    },
    version: {
      description:
        'Version of the refold-trigger CLI to run from npm: a major (the default), a minor or an exact version.',
      default: major,
      regex: '^[0-9]+(\\.[0-9]+){0,2}$'
    }
  }
  /** @type {Record<string, string>} */
  const variables = {}
  const script = ['set --']
  for (const [input, spec] of Object.entries(action.inputs)) {
    if (COMPONENT_LEFT_OUT.includes(input)) continue
    const name = kebabCase(input)
    const fallback = spec.default === undefined ? undefined : String(spec.default)
    const description = gitlabWording(String(spec.description ?? '').trim(), action.inputs)
    const value = `$[[ inputs.${name} ]]`
    if (fallback === 'true' || fallback === 'false') {
      inputs[name] = { description, type: 'boolean', default: fallback === 'true' }
      const flag = fallback === 'true' ? `--no-${name}` : `--${name}`
      const sets = fallback === 'true' ? 'false' : 'true'
      script.push(`if [ "${value}" = ${sets} ]; then set -- "$@" ${flag}; fi`)
    } else if (fallback !== undefined && /^\d+(\.\d+)?$/.test(fallback)) {
      inputs[name] = { description, type: 'number', default: Number(fallback) }
      script.push(`set -- "$@" --${name} "${value}"`)
    } else {
      inputs[name] = fallback === undefined ? { description } : { description, default: fallback }
      const variable = VARIABLE_PREFIX + input.toUpperCase()
      variables[variable] = value
      script.push(`if [ -n "$${variable}" ]; then set -- "$@" --${name} "$${variable}"; fi`)
    }
  }
  inputs['results-file'] = {
    description:
      "Path of the JSON Lines file the CLI writes every account's result to; kept as a job artifact, also when the job fails.",
    default: 'refold-results.jsonl'
  }
  variables[`${VARIABLE_PREFIX}RESULTS_FILE`] = '$[[ inputs.results-file ]]'
  script.push(`set -- "$@" --results-file "$${VARIABLE_PREFIX}RESULTS_FILE"`)
  inputs.json = {
    description:
      'Print the outputs (ok, status_code, message, results, ...) as one JSON object on stdout.',
    type: 'boolean',
    default: false
  }
  script.push('if [ "$[[ inputs.json ]]" = true ]; then set -- "$@" --json; fi')
  script.push('npx -y "refold-trigger@$[[ inputs.version ]]" "$@"')

  const spec = new Document({ spec: { inputs } })
  const job = new Document({
    'refold-trigger': {
      stage: '$[[ inputs.stage ]]',
      image: '$[[ inputs.image ]]',
      variables,
      script: [`${script.join('\n')}\n`],
      artifacts: { when: 'always', paths: ['$[[ inputs.results-file ]]'] }
    }
  })
  const source = [
    '# Generated from action.yml by `npm run docs` (script/docs.js): edit action.yml, not this file.',
    '# A GitLab CI/CD component: fires a Refold event with the refold-trigger CLI (see the README).',
    '# The API key is read from the CI/CD variable REFOLD_API_KEY (masked), never from an input.',
    spec.toString({ lineWidth: 0 }).trimEnd(),
    '---',
    job.toString({ lineWidth: 0 })
  ].join('\n')
  return formatted(source, COMPONENT_FILE)
}

function gitlabWording(
  /** @type {string} */ description,
  /** @type {Record<string, unknown>} */ actionInputs
) {
  let text = description
  for (const [pattern, replacement] of GITLAB_WORDING) text = text.replace(pattern, replacement)
  // The inputs are named in kebab-case here, as on the command line; a header keeps its name.
  return text.replace(/\b[a-z]+(?:_[a-z]+)+\b(?! header)/g, name =>
    name in actionInputs ? kebabCase(name) : name
  )
}

function kebabCase(/** @type {string} */ input) {
  return input.replace(/_/g, '-')
}

async function formatted(/** @type {string} */ source, /** @type {string} */ file) {
  const options = await prettier.resolveConfig(path.join(ROOT, file))
  return prettier.format(source, { ...options, filepath: path.join(ROOT, file) })
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const actionYml = readFileSync(path.join(ROOT, 'action.yml'), 'utf8')
  const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'))
  const check = process.argv.includes('--check')
  const tablesPath = path.join(ROOT, TABLES_FILE)
  const { text, changed } = updateTables(readFileSync(tablesPath, 'utf8'), actionYml)
  if (check && changed.length) {
    const verb = changed.length === 1 ? 'differs' : 'differ'
    console.error(`${tablesNamed(changed)} ${verb} from action.yml: run \`npm run docs\`.`)
    process.exitCode = 1
  } else if (!check) {
    if (changed.length) writeFileSync(tablesPath, text)
    console.log(docsMessage(changed))
  }

  for (const [file, rendered] of [
    [FLAGS_FILE, await renderFlags(actionYml)],
    [COMPONENT_FILE, await renderComponent(actionYml, version)]
  ]) {
    const target = path.join(ROOT, file)
    const current = existsSync(target) ? readFileSync(target, 'utf8') : ''
    if (rendered === current) {
      if (!check) console.log(`${file} already matches action.yml.`)
    } else if (check) {
      console.error(`${file} does not match action.yml: run \`npm run docs\`.`)
      process.exitCode = 1
    } else {
      writeFileSync(target, rendered)
      console.log(`${file} updated from action.yml.`)
    }
  }
}
