// Everything that restates action.yml is generated from it (npm run docs): the inputs and outputs
// tables users read, the CLI's flags, and the GitLab component. Each must say what action.yml says.
import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import * as path from 'node:path'
import { parse, parseAllDocuments } from 'yaml'
import {
  COMPONENT_FILE,
  COMPONENT_LEFT_OUT,
  FLAGS_FILE,
  renderComponent,
  renderFlags,
  renderTables,
  TABLES_FILE
} from '../script/docs.js'
import { CLI_FLAGS, INPUT_FLAGS, LEFT_OUT_INPUTS } from '../src/cli/args.js'
import { ROOT } from '../test/run-action.js'

const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8')
const tables = read(TABLES_FILE)
const actionYml = read('action.yml')
const action = parse(actionYml) as {
  inputs: Record<string, { default?: string; required?: boolean }>
  outputs: Record<string, unknown>
}
const version = (JSON.parse(read('package.json')) as { version: string }).version

describe(TABLES_FILE, () => {
  it('has the inputs and outputs tables npm run docs writes from action.yml', () => {
    expect(renderTables(tables, actionYml)).toBe(tables)
  })

  it('names every input and output of action.yml, and no other', () => {
    const names = (section: string) =>
      [...section.matchAll(/^\| `([a-z_]+)` \|/gm)].map(match => match[1])
    const between = (name: string) =>
      tables.slice(tables.indexOf(`<!-- ${name}:start`), tables.indexOf(`<!-- ${name}:end -->`))
    expect(names(between('inputs'))).toEqual(Object.keys(action.inputs))
    expect(names(between('outputs'))).toEqual(Object.keys(action.outputs))
  })

  it('keeps the generated tables out of prettier, which would pad every cell', () => {
    for (const name of ['inputs', 'outputs']) {
      const start = tables.indexOf(`<!-- ${name}:start`)
      const before = tables.lastIndexOf('<!-- prettier-ignore-start -->', start)
      const after = tables.indexOf('<!-- prettier-ignore-end -->', start)
      expect(before).toBeGreaterThan(tables.lastIndexOf('<!-- prettier-ignore-end -->', start))
      expect(after).toBeGreaterThan(tables.indexOf(`<!-- ${name}:end -->`))
    }
  })
})

describe('renderTables', () => {
  it('changes nothing when run twice (npm run docs is idempotent)', () => {
    const once = renderTables(tables, actionYml)
    expect(renderTables(once, actionYml)).toBe(once)
  })

  it('follows a change in action.yml', () => {
    const changed = actionYml.replace(
      'inputs:\n',
      "inputs:\n  new_input:\n    description: A | pipe\n    required: false\n    default: 'x'\n"
    )
    expect(renderTables(tables, changed)).toContain('| `new_input` | no | `x` | A \\| pipe |')
  })

  it('refuses a page whose markers are gone, rather than dropping the tables', () => {
    expect(() => renderTables('# no tables\n', actionYml)).toThrow(/inputs:start/)
  })
})

describe('renderFlags', () => {
  it('wrote src/cli/flags.ts, the CLI flag table, from action.yml as it is now', async () => {
    const flags = read(FLAGS_FILE)
    expect(await renderFlags(actionYml)).toBe(flags)
    expect(flags).toMatch(/^\/\/ Generated from action.yml by `npm run docs`/)
  })

  it('follows a change in action.yml: a value flag, or a switch that flips a default', async () => {
    const changed = actionYml.replace(
      'inputs:\n',
      'inputs:\n' +
        "  new_input:\n    description: Some text.\n    required: false\n    default: 'x'\n" +
        "  new_switch:\n    description: On unless turned off.\n    required: false\n    default: 'true'\n"
    )
    const flags = await renderFlags(changed)
    expect(flags).toContain(
      "flag: 'new-input',\n    input: 'new_input',\n    required: false,\n    default: 'x',\n" +
        "    description: 'Some text.',\n    takesValue: true\n"
    )
    expect(flags).toContain("flag: 'no-new-switch',\n    input: 'new_switch',")
    expect(flags).toContain("takesValue: false,\n    sets: 'false'\n")
  })
})

interface ComponentInput {
  description: string
  type?: 'string' | 'number' | 'boolean'
  default?: string | number | boolean
  regex?: string
}
interface ComponentJob {
  stage: string
  image: string
  variables: Record<string, string>
  script: string[]
  artifacts: { when: string; paths: string[] }
}

/** The component's two documents: `spec:` and the job. */
function loadComponent(text: string): {
  inputs: Record<string, ComponentInput>
  job: ComponentJob
} {
  const documents = parseAllDocuments(text)
  if (!Array.isArray(documents)) throw new Error('not a YAML stream')
  for (const document of documents) expect(document.errors).toEqual([])
  const [spec, jobs] = documents.map(document => document.toJS())
  return { inputs: spec.spec.inputs, job: jobs['refold-trigger'] }
}

/** What GitLab does on include: every `$[[ inputs.name ]]` replaced by the given or default value. */
function interpolate<T>(value: T, given: Record<string, unknown>, inputs: object): T {
  const spec = inputs as Record<string, ComponentInput>
  const fill = (text: string) =>
    text.replace(/\$\[\[ inputs\.([\w-]+) \]\]/g, (_, name: string) => {
      if (!(name in spec)) throw new Error(`no input ${name}`)
      const chosen = name in given ? given[name] : spec[name].default
      if (chosen === undefined) throw new Error(`input ${name} is required`)
      return String(chosen)
    })
  return JSON.parse(JSON.stringify(value), (_, item) =>
    typeof item === 'string' ? fill(item) : item
  ) as T
}

/**
 * The arguments the job's script hands to npx, run by a POSIX shell as the runner would, with the
 * job's variables in the environment and npx replaced by a function that prints its arguments.
 */
function npxArguments(given: Record<string, unknown>): string[] {
  const { inputs, job } = loadComponent(read(COMPONENT_FILE))
  const filled = interpolate(job, given, inputs)
  const script = `npx() { printf '%s\\0' "$@"; }\n${filled.script.join('\n')}`
  const printed = execFileSync('sh', ['-c', script], {
    env: { PATH: process.env.PATH, ...filled.variables },
    encoding: 'utf8'
  })
  return printed.split('\0').slice(0, -1)
}

describe(COMPONENT_FILE, () => {
  const { inputs, job } = loadComponent(read(COMPONENT_FILE))

  it('is what npm run docs writes from action.yml and package.json', async () => {
    expect(await renderComponent(actionYml, version)).toBe(read(COMPONENT_FILE))
  })

  it('leaves out exactly the inputs the CLI leaves out', () => {
    expect([...COMPONENT_LEFT_OUT].sort()).toEqual(Object.keys(LEFT_OUT_INPUTS).sort())
  })

  it("has an input per CLI input, named like the flag, with action.yml's default, plus the job's own", () => {
    const fromAction = Object.keys(action.inputs)
      .filter(name => !(name in LEFT_OUT_INPUTS))
      .map(name => name.replace(/_/g, '-'))
    expect(Object.keys(inputs)).toEqual([
      'stage',
      'image',
      'version',
      ...fromAction,
      'results-file',
      'json'
    ])
    for (const name of Object.keys(action.inputs).filter(name => !(name in LEFT_OUT_INPUTS))) {
      const { default: fallback, required } = action.inputs[name]
      const input = inputs[name.replace(/_/g, '-')]
      if (required) expect(input).not.toHaveProperty('default')
      else expect(String(input.default)).toBe(fallback)
    }
  })

  it('types booleans and numbers, so GitLab checks them before they reach the script', () => {
    expect(inputs.wait).toMatchObject({ type: 'boolean', default: false })
    expect(inputs['fail-on-error']).toMatchObject({ type: 'boolean', default: true })
    expect(inputs.timeout).toMatchObject({ type: 'number', default: 30 })
    expect(inputs['expected-workflows'].type).toBeUndefined()
    expect(inputs.version.regex).toBeDefined()
    expect(new RegExp(inputs.version.regex!).test('1; rm -rf /')).toBe(false)
  })

  it("runs in node:24-alpine the CLI of the package's major, and keeps the results file always", () => {
    expect(inputs.image.default).toBe('node:24-alpine')
    expect(inputs.version.default).toBe(version.split('.')[0])
    expect(job.image).toBe('$[[ inputs.image ]]')
    expect(job.artifacts).toEqual({ when: 'always', paths: ['$[[ inputs.results-file ]]'] })
    expect(job.script.join('\n')).toContain('npx -y "refold-trigger@$[[ inputs.version ]]" "$@"')
  })

  it('describes its inputs for a GitLab job, never a step, the workspace or a snake_case input', () => {
    const inputNames = Object.keys(action.inputs)
    for (const [name, input] of Object.entries(inputs)) {
      expect([name, input.description]).not.toEqual([name, expect.stringMatching(/\bsteps?\b/i)])
      expect([name, input.description]).not.toEqual([name, expect.stringMatching(/workspace/i)])
      for (const word of input.description.match(/\b[a-z]+(?:_[a-z]+)+\b(?! header)/g) ?? []) {
        expect([name, word, inputNames.includes(word)]).toEqual([name, word, false])
      }
    }
  })

  it('passes every input with a value as its flag, and the defaults when given nothing', () => {
    expect(npxArguments({ event: 'Release Published' })).toEqual([
      '-y',
      'refold-trigger@1',
      '--event',
      'Release Published',
      '--base-url',
      'https://api.gocobalt.io',
      '--timeout',
      '30',
      '--retries',
      '3',
      '--rate-limit',
      '10',
      '--concurrency',
      '5',
      '--wait-timeout',
      '600',
      '--wait-interval',
      '10',
      '--wait-settle',
      '10',
      '--preflight',
      'auto',
      '--results-file',
      'refold-results.jsonl'
    ])
  })

  it('turns switches into flags and keeps text as one argument, however it is written', () => {
    const hostile = `a"b $(echo injected) 'c' \`d\` ; e`
    const args = npxArguments({
      event: 'E',
      'linked-account-id': 'acme\nglobex',
      payload: hostile,
      wait: true,
      'stop-unfinished': true,
      'fail-on-error': false,
      'dry-run': true,
      json: true,
      version: '1.2'
    })
    expect(args[1]).toBe('refold-trigger@1.2')
    const after = (flag: string) => args[args.indexOf(flag) + 1]
    expect(after('--linked-account-id')).toBe('acme\nglobex')
    expect(after('--payload')).toBe(hostile)
    for (const flag of [
      '--wait',
      '--stop-unfinished',
      '--no-fail-on-error',
      '--dry-run',
      '--json'
    ]) {
      expect(args).toContain(flag)
    }
    expect(args).not.toContain('--slug')
  })

  it('passes only flags the CLI knows', () => {
    const args = npxArguments(
      Object.fromEntries(
        Object.entries(inputs).map(([name, input]) => [
          name,
          input.type === 'boolean' ? !input.default : input.type === 'number' ? 1 : 'x'
        ])
      )
    )
    const known = new Set([...INPUT_FLAGS, ...CLI_FLAGS].map(spec => `--${spec.flag}`))
    // --results-file is the contract's CLI flag for the results file ("Thousands of accounts").
    known.add('--results-file')
    const flags = args.filter(arg => arg.startsWith('--'))
    expect(flags.filter(flag => !known.has(flag))).toEqual([])
    expect(flags).toHaveLength(Object.keys(inputs).length - 3) // not stage, image, version
  })
})
