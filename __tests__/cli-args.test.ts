// The command line's flags are the action's inputs in kebab-case: argv becomes the inputs by their
// action.yml names, as text, for the core to validate; the key comes from REFOLD_API_KEY only.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import * as path from 'node:path'
import { parse } from 'yaml'
import {
  CLI_FLAGS,
  FIXED_INPUTS,
  INPUT_FLAGS,
  LEFT_OUT_INPUTS,
  UsageError,
  cliInputReader,
  flagFor,
  parseArgs
} from '../src/cli/args.js'
import { ACTION_FLAGS } from '../src/cli/flags.js'
import { VERSION, helpText, usageText, versionText } from '../src/cli/help.js'
import { ROOT } from '../test/run-action.js'

type Spec = { description: string; default?: string; required?: boolean }
const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, Spec>
}
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  version: string
}

const REQUIRED = ['--event', 'Release Published', '--linked-account-id', 'acme']

/** The inputs a run's argv gives, without the ones the command line always fixes. */
function inputsOf(argv: string[]): Record<string, string> {
  const parsed = parseArgs(argv)
  if (parsed.kind !== 'run') throw new Error(`expected a run, got ${parsed.kind}`)
  const given = { ...parsed.inputs }
  for (const name of Object.keys(FIXED_INPUTS)) delete given[name]
  return given
}

function usageError(argv: string[]): UsageError {
  try {
    parseArgs(argv)
  } catch (error) {
    if (error instanceof UsageError) return error
    throw error
  }
  throw new Error(`parseArgs(${JSON.stringify(argv)}) did not throw`)
}

const VALUE_FLAGS: Array<[flag: string, input: string, value: string]> = [
  ['--event', 'event', 'Release Published'],
  ['--linked-account-id', 'linked_account_id', 'acme@example.com'],
  ['--config-id', 'config_id', 'cfg-1'],
  ['--slug', 'slug', 'billing-app'],
  ['--payload', 'payload', '{"version": "2.4.0"}'],
  ['--payload-file', 'payload_file', 'release.json'],
  ['--base-url', 'base_url', 'https://app.refold.ai'],
  ['--timeout', 'timeout', '12'],
  ['--retries', 'retries', '0'],
  ['--idempotency-key', 'idempotency_key', 'release-2.4.0'],
  ['--rate-limit', 'rate_limit', '2.5'],
  ['--concurrency', 'concurrency', '3'],
  ['--shard', 'shard', '2/4'],
  ['--wait-timeout', 'wait_timeout', '900'],
  ['--wait-interval', 'wait_interval', '5'],
  ['--wait-settle', 'wait_settle', '0'],
  ['--expected-workflows', 'expected_workflows', '2'],
  ['--linked-account-file', 'linked_account_file', 'accounts.txt'],
  ['--preflight', 'preflight', 'auto'],
  ['--preflight', 'preflight', 'true'],
  ['--preflight', 'preflight', 'false']
]

describe('parseArgs: flags with a value', () => {
  it.each(VALUE_FLAGS)('%s <value> sets the %s input to the text given', (flag, input, value) => {
    expect(inputsOf([flag, value])).toEqual({ [input]: value })
  })

  it.each(VALUE_FLAGS)('%s=<value> sets the %s input too', (flag, input, value) => {
    expect(inputsOf([`${flag}=${value}`])).toEqual({ [input]: value })
  })

  it('keeps everything after the first = as the value, = signs and spaces included', () => {
    expect(inputsOf(['--payload={"query": "a=b"}', '--idempotency-key= k '])).toEqual({
      payload: '{"query": "a=b"}',
      idempotency_key: ' k '
    })
  })

  it('passes an empty value through, for the core to call it missing', () => {
    expect(inputsOf(['--event=', '--slug', ''])).toEqual({ event: '', slug: '' })
  })

  it('takes a value that looks like a flag when written with =', () => {
    expect(inputsOf(['--slug=-h', '--idempotency-key=--wait'])).toEqual({
      slug: '-h',
      idempotency_key: '--wait'
    })
  })

  it('passes --payload-file - through: the run reads standard input', () => {
    expect(inputsOf(['--payload-file', '-'])).toEqual({ payload_file: '-' })
  })

  it('takes a value that starts with a single dash, such as a YAML document or a number', () => {
    expect(inputsOf(['--payload', '---\nversion: 2', '--retries', '-1'])).toEqual({
      payload: '---\nversion: 2',
      retries: '-1'
    })
  })

  it('reads a whole command line into the inputs, in any order', () => {
    expect(
      inputsOf(['--timeout', '5', ...REQUIRED, '--wait', '--payload-file=-', '--no-fail-on-error'])
    ).toEqual({
      timeout: '5',
      event: 'Release Published',
      linked_account_id: 'acme',
      wait: 'true',
      payload_file: '-',
      fail_on_error: 'false'
    })
  })

  it('gives no input that was not on the command line: the core applies its defaults', () => {
    expect(inputsOf(['--json'])).toEqual({})
  })

  it('passes an unknown --preflight mode through, for the core to refuse in its own words', () => {
    expect(inputsOf(['--preflight', 'sometimes'])).toEqual({ preflight: 'sometimes' })
  })
})

describe('parseArgs: --linked-account-id', () => {
  it('joins a repeated --linked-account-id into one id per line, in the order given', () => {
    expect(
      inputsOf(['--linked-account-id', 'acme', '--linked-account-id=globex', '--event', 'E'])
    ).toEqual({ linked_account_id: 'acme\nglobex', event: 'E' })
  })

  it('passes * through for every linked account of the org', () => {
    expect(inputsOf(['--linked-account-id', '*'])).toEqual({ linked_account_id: '*' })
  })

  it('keeps an id given twice for the core to fire once and warn about', () => {
    expect(inputsOf(['--linked-account-id', 'acme', '--linked-account-id', 'acme'])).toEqual({
      linked_account_id: 'acme\nacme'
    })
  })
})

describe('parseArgs: switches', () => {
  it('--wait sets wait to true', () => {
    expect(inputsOf(['--wait'])).toEqual({ wait: 'true' })
  })

  it('--dry-run sets dry_run to true', () => {
    expect(inputsOf(['--dry-run'])).toEqual({ dry_run: 'true' })
  })

  it('--no-fail-on-error sets fail_on_error to false', () => {
    expect(inputsOf(['--no-fail-on-error'])).toEqual({ fail_on_error: 'false' })
  })

  it('--stop-unfinished sets stop_unfinished to true', () => {
    expect(inputsOf(['--stop-unfinished'])).toEqual({ stop_unfinished: 'true' })
  })

  it('--json asks for the outputs as JSON on stdout and sets no input', () => {
    expect(parseArgs(['--json', ...REQUIRED])).toEqual({
      kind: 'run',
      inputs: { event: 'Release Published', linked_account_id: 'acme', ...FIXED_INPUTS },
      json: true
    })
    expect(parseArgs(REQUIRED)).toMatchObject({ kind: 'run', json: false })
  })

  it.each([
    '--wait',
    '--dry-run',
    '--no-fail-on-error',
    '--stop-unfinished',
    '--json',
    '--help',
    '--version'
  ])('refuses %s=<value>: a switch takes no value', flag => {
    const error = usageError([`${flag}=false`])
    expect(error.message).toBe(
      `Flag ${flag} takes no value: write ${flag} alone. Run refold-trigger --help for the flags.`
    )
    expect(error.flag).toBe(flag)
  })
})

describe('parseArgs: what the command line fixes', () => {
  it('always sends github_context never and summary false: there is no GitHub here', () => {
    expect(FIXED_INPUTS).toEqual({ github_context: 'never', summary: 'false' })
    const parsed = parseArgs(REQUIRED)
    expect(parsed).toMatchObject({ inputs: { github_context: 'never', summary: 'false' } })
  })

  it('never puts an api_key in the inputs', () => {
    const parsed = parseArgs([...REQUIRED, '--dry-run'])
    expect(parsed.kind === 'run' && 'api_key' in parsed.inputs).toBe(false)
  })

  it.each(['--api-key', '--api-key=pk_live_secret', '--api_key=pk_live_secret', '--API-KEY'])(
    'refuses %s and says to set REFOLD_API_KEY, without quoting the value',
    arg => {
      const error = usageError([...REQUIRED, arg, 'pk_live_secret'])
      expect(error.message).toMatch(/^There is no --api[-_]key flag: /i)
      expect(error.message).toContain('environment variable REFOLD_API_KEY')
      expect(error.message).toContain('process lists and shell history')
      expect(error.message).toMatch(/ Run refold-trigger --help for the flags\.$/)
      expect(error.message).not.toContain('pk_live_secret')
    }
  )

  it.each([
    ['--github-context=always', /^There is no --github-context flag: .*no GitHub context/],
    ['--summary', /^There is no --summary flag: .*no job summary/],
    ['--no-summary', /^There is no --no-summary flag: .*no job summary/]
  ])('refuses %s, an input the command line leaves out', (arg, message) => {
    expect(usageError([arg]).message).toMatch(message)
  })
})

describe('parseArgs: usage errors', () => {
  it('names an unknown flag', () => {
    const error = usageError([...REQUIRED, '--evnt', 'x'])
    expect(error).toBeInstanceOf(UsageError)
    expect(error.name).toBe('UsageError')
    expect(error.flag).toBe('--evnt')
    expect(error.message).toBe('Unknown flag --evnt. Run refold-trigger --help for the flags.')
  })

  it('names an unknown flag given with a value, without quoting the value', () => {
    const error = usageError(['--token=pk_live_secret'])
    expect(error.message).toBe('Unknown flag --token. Run refold-trigger --help for the flags.')
  })

  it.each([
    ['--linked_account_id', '--linked-account-id'],
    ['--DRY-RUN', '--dry-run'],
    ['--fail-on-error', '--no-fail-on-error'],
    ['--no-wait', '--wait']
  ])('suggests the flag meant by %s', (arg, meant) => {
    expect(usageError([arg, 'x']).message).toBe(
      `Unknown flag ${arg} (did you mean ${meant}?). Run refold-trigger --help for the flags.`
    )
  })

  it('names an unknown short flag', () => {
    expect(usageError(['-e', 'x']).message).toBe(
      'Unknown flag -e. Run refold-trigger --help for the flags.'
    )
  })

  it('names a flag whose value is missing at the end', () => {
    const error = usageError(['--linked-account-id', 'acme', '--event'])
    expect(error.flag).toBe('--event')
    expect(error.message).toBe(
      'Flag --event needs a value: --event <value> or --event=<value>. ' +
        'Run refold-trigger --help for the flags.'
    )
  })

  it('names a flag whose value is missing because another flag follows it', () => {
    expect(usageError(['--event', '--linked-account-id=acme']).message).toBe(
      'Flag --event needs a value, but --linked-account-id follows it ' +
        '(for a value that starts with a dash, write --event=<value>). ' +
        'Run refold-trigger --help for the flags.'
    )
    expect(usageError(['--slug', '-h']).flag).toBe('--slug')
  })

  it('names a non-repeatable flag given twice', () => {
    const error = usageError(['--event', 'a', '--event=b'])
    expect(error.flag).toBe('--event')
    expect(error.message).toBe(
      'Flag --event is given twice; only --linked-account-id may be repeated. ' +
        'Run refold-trigger --help for the flags.'
    )
    expect(usageError(['--wait', '--wait']).flag).toBe('--wait')
  })

  it('refuses a positional argument, such as half of an unquoted event name', () => {
    const error = usageError(['--event', 'Release', 'Published'])
    expect(error.flag).toBeUndefined()
    expect(error.message).toBe(
      'Unexpected argument "Published": every value follows its flag, e.g. --event ' +
        '"Release Published" (a value with spaces needs quotes). Run refold-trigger --help for the flags.'
    )
  })

  it.each([['--'], ['-']])('refuses %s on its own', arg => {
    expect(usageError([...REQUIRED, arg]).message).toMatch(
      new RegExp(`^Unexpected argument "${arg}": .* Run refold-trigger --help for the flags\\.$`)
    )
  })
})

describe('parseArgs: --help and --version', () => {
  it.each([['--help'], ['-h']])('%s asks for the help', arg => {
    expect(parseArgs([arg])).toEqual({ kind: 'help' })
    expect(parseArgs([...REQUIRED, arg, '--no-such-flag'])).toEqual({ kind: 'help' })
  })

  it('--version asks for the version', () => {
    expect(parseArgs(['--version'])).toEqual({ kind: 'version' })
  })

  it('no arguments at all asks for the usage, not a run', () => {
    expect(parseArgs([])).toEqual({ kind: 'usage' })
  })
})

describe('parseArgs: --results-file', () => {
  it.each([[['--results-file', 'out/results.jsonl']], [['--results-file=out/results.jsonl']]])(
    '%j names the JSON Lines file to write, and sets no input',
    argv => {
      expect(parseArgs([...REQUIRED, ...argv])).toEqual({
        kind: 'run',
        inputs: { event: 'Release Published', linked_account_id: 'acme', ...FIXED_INPUTS },
        json: false,
        resultsFile: 'out/results.jsonl'
      })
    }
  )

  it('writes no file without the flag', () => {
    expect(parseArgs(REQUIRED)).not.toHaveProperty('resultsFile')
  })

  it('takes a path that starts with a dash when written with =', () => {
    expect(parseArgs(['--results-file=-r.jsonl'])).toMatchObject({ resultsFile: '-r.jsonl' })
  })

  it('refuses an empty path: there is no core to call it missing', () => {
    const error = usageError([...REQUIRED, '--results-file='])
    expect(error.flag).toBe('--results-file')
    expect(error.message).toBe(
      'Flag --results-file needs a path: --results-file <path>. ' +
        'Run refold-trigger --help for the flags.'
    )
  })

  it('refuses --results-file without a value, or given twice', () => {
    expect(usageError([...REQUIRED, '--results-file']).message).toBe(
      'Flag --results-file needs a value: --results-file <value> or --results-file=<value>. ' +
        'Run refold-trigger --help for the flags.'
    )
    expect(usageError(['--results-file', '--json']).flag).toBe('--results-file')
    expect(usageError(['--results-file=a', '--results-file=b']).message).toMatch(
      /^Flag --results-file is given twice;/
    )
  })
})

describe('flagFor: how the command line names a setting in a message', () => {
  it.each([
    ['linked_account_id', '--linked-account-id'],
    ['wait_timeout', '--wait-timeout'],
    ['fail_on_error', '--no-fail-on-error'],
    ['stop_unfinished', '--stop-unfinished'],
    ['linked_account_file', '--linked-account-file'],
    ['preflight', '--preflight'],
    ['event', '--event'],
    ['api_key', 'REFOLD_API_KEY']
  ])('names %s as %s', (input, naming) => {
    expect(flagFor(input)).toBe(naming)
  })

  it.each(INPUT_FLAGS.map(spec => [spec.input] as const))(
    'names %s by a flag the command line accepts',
    input => {
      const flag = flagFor(input)
      const spec = INPUT_FLAGS.find(candidate => candidate.input === input)
      const parsed = parseArgs(spec?.takesValue ? [flag, 'x'] : [flag])
      expect(parsed.kind === 'run' && parsed.inputs[input] !== undefined).toBe(true)
    }
  )

  it.each([['github_context'], ['summary'], ['no_such_input']])(
    'has no naming for %s, which no one can set on the command line',
    input => {
      expect(() => flagFor(input)).toThrow(`The command line has no flag for the input '${input}'.`)
    }
  )
})

describe('cliInputReader', () => {
  it('reads each input by name, the api key from the environment, and "" for the rest', () => {
    const parsed = parseArgs([...REQUIRED, '--timeout=5'])
    if (parsed.kind !== 'run') throw new Error('expected a run')
    const read = cliInputReader(parsed.inputs, 'pk_from_env')
    expect(read('api_key')).toBe('pk_from_env')
    expect(read('event')).toBe('Release Published')
    expect(read('timeout')).toBe('5')
    expect(read('github_context')).toBe('never')
    expect(read('retries')).toBe('')
    expect(cliInputReader({ api_key: 'from argv' }, undefined)('api_key')).toBe('')
  })
})

describe('the flag table generated from action.yml', () => {
  it('has one flag per input of action.yml, in its order', () => {
    expect(ACTION_FLAGS.map(spec => spec.input)).toEqual(Object.keys(action.inputs))
  })

  it('offers a flag for every input but those the command line leaves out', () => {
    expect(Object.keys(LEFT_OUT_INPUTS).sort()).toEqual(['api_key', 'github_context', 'summary'])
    expect(INPUT_FLAGS.map(spec => spec.input)).toEqual(
      Object.keys(action.inputs).filter(name => !(name in LEFT_OUT_INPUTS))
    )
  })

  it('spells the flags of the contract', () => {
    expect(INPUT_FLAGS.map(spec => `--${spec.flag}`).sort()).toEqual(
      [
        '--event',
        '--linked-account-id',
        '--config-id',
        '--slug',
        '--payload',
        '--payload-file',
        '--base-url',
        '--timeout',
        '--retries',
        '--idempotency-key',
        '--rate-limit',
        '--concurrency',
        '--shard',
        '--wait',
        '--wait-timeout',
        '--wait-interval',
        '--wait-settle',
        '--expected-workflows',
        '--stop-unfinished',
        '--linked-account-file',
        '--preflight',
        '--dry-run',
        '--no-fail-on-error'
      ].sort()
    )
  })
})

/** Words of the action's host that --help never says: steps, outputs, the workspace, input names. */
function hostWords(text: string): string[] {
  return [
    ...(text.match(/step|output|workspace|GITHUB_/gi) ?? []),
    ...(text.match(/\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g) ?? [])
  ]
}

const RELATIVE: readonly [string, string] = [
  'relative to the workspace',
  'relative to the current directory'
]

/** Descriptions --help takes from action.yml with a few words changed: [action.yml's, the CLI's]. */
const REWORDED: Readonly<Record<string, ReadonlyArray<readonly [string, string]>>> = {
  '--linked-account-id': [['linked_account_file', '--linked-account-file']],
  '--linked-account-file': [RELATIVE, ['linked_account_id', '--linked-account-id']],
  '--payload': [['payload_file', '--payload-file']],
  '--payload-file': [RELATIVE]
}

/** Descriptions --help replaces whole, since action.yml's speak of the job around the step. */
const REPLACED: Readonly<Record<string, string>> = {
  '--config-id': 'Config id of the linked account, sent to Refold as a header when given.',
  '--no-fail-on-error':
    'A failed trigger or wait is only a warning and the exit status is 0; usage and input ' +
    'errors still exit with 2.',
  '--idempotency-key':
    'Sent as the Idempotency-Key header on every attempt. Default: a UUID drawn once per run ' +
    '(so retries share it), then /<account>. A key given here is sent as is when ' +
    '--linked-account-id names one account, and as <key>/<account> for several or *.',
  '--dry-run':
    'Check the flags and build the payload, print the request (and with --json the results), ' +
    'but send nothing.',
  '--stop-unfinished':
    'When the run is interrupted (SIGINT or SIGTERM) or the wait runs out, stop the matched ' +
    'executions still in progress.'
}

describe('helpText', () => {
  const help = helpText()
  const flat = help.replace(/\s+/g, ' ')

  /** A flag's line and its description under it, on one line. */
  function entryOf(flag: string): string {
    const lines = help.split('\n')
    const at = lines.findIndex(line => new RegExp(`^ {2}${flag}( <\\w+>)?(, -\\w)?$`).test(line))
    expect(at).toBeGreaterThanOrEqual(0)
    const end = lines.findIndex((line, i) => i > at && !line.startsWith(' '.repeat(6)))
    return lines.slice(at, end).join(' ').replace(/\s+/g, ' ').trim()
  }

  it.each(INPUT_FLAGS.map(spec => [`--${spec.flag}`, spec.input] as const))(
    "lists %s with the description of %s from action.yml, in the command line's words",
    (flag, input) => {
      expect(help).toMatch(new RegExp(`^ {2}${flag}( <value>)?$`, 'm'))
      const description = action.inputs[input].description.replace(/\s+/g, ' ')
      let expected = REPLACED[flag] ?? description
      for (const [actionWords, cliWords] of REWORDED[flag] ?? []) {
        expect(description).toContain(actionWords)
        expected = expected.replaceAll(actionWords, cliWords)
      }
      expect(entryOf(flag)).toContain(expected)
    }
  )

  it("rewords exactly the descriptions of action.yml that speak of the action's host", () => {
    const speaking = INPUT_FLAGS.filter(
      spec => hostWords(action.inputs[spec.input].description).length > 0
    ).map(spec => `--${spec.flag}`)
    expect([...Object.keys(REWORDED), ...Object.keys(REPLACED)].sort()).toEqual(speaking.sort())
  })

  it.each([...INPUT_FLAGS, ...CLI_FLAGS].map(spec => [`--${spec.flag}`] as const))(
    'never speaks of steps, outputs, the workspace or input names for %s',
    flag => {
      expect(hostWords(entryOf(flag))).toEqual([])
    }
  )

  it('never speaks of steps, outputs, the workspace or input names anywhere', () => {
    expect(hostWords(help)).toEqual([])
  })

  it('gives the defaults of action.yml', () => {
    expect(flat).toContain('Default: 30.')
    expect(flat).toContain('Default: https://api.gocobalt.io.')
    expect(flat).toContain('Default: 10.')
  })

  it.each(CLI_FLAGS.map(spec => [`--${spec.flag}`] as const))('lists %s', flag => {
    expect(help).toMatch(new RegExp(`^ {2}${flag}\\b`, 'm'))
  })

  it('lists -h beside --help', () => {
    expect(help).toMatch(/^ {2}--help, -h$/m)
  })

  it('says the key comes from REFOLD_API_KEY and offers no flag for it', () => {
    expect(flat).toContain('environment variable REFOLD_API_KEY')
    expect(help).not.toMatch(/--api-key|--github-context|--summary|--no-summary/)
  })

  it('tells how to give several accounts and how to read the payload from stdin', () => {
    expect(flat).toContain('Repeat the flag for several accounts.')
    expect(flat).toContain('A path of - reads the payload from standard input.')
  })

  it('gives the exit codes', () => {
    expect(flat).toMatch(/0 success.*1 Refold refused.*2 a usage or input error/)
    expect(flat).toMatch(/130 interrupted by SIGINT.*143 stopped by SIGTERM/)
  })

  it('offers the flags of the command line: --json, --results-file, --help, --version', () => {
    expect(CLI_FLAGS.map(spec => spec.flag)).toEqual(['json', 'results-file', 'help', 'version'])
    expect(help).toMatch(/^ {2}--results-file <path>$/m)
    expect(entryOf('--results-file')).toContain('as JSON Lines')
    expect(entryOf('--results-file')).toContain('relative to the current directory')
  })

  it('opens with the usage', () => {
    expect(help).toContain(usageText().split('\n')[0])
  })

  it('keeps every line within 100 columns', () => {
    for (const line of help.split('\n')) expect(line.length).toBeLessThanOrEqual(100)
  })
})

describe('usageText', () => {
  it('is short: the usage and where every flag is explained', () => {
    const lines = usageText().split('\n')
    expect(lines[0]).toBe('Usage: refold-trigger --event <name> --linked-account-id <id> [flags]')
    expect(lines.at(-2)).toBe('Run refold-trigger --help for every flag.')
    expect(lines.at(-1)).toBe('')
    expect(lines.length).toBeLessThanOrEqual(4)
  })
})

describe('versionText', () => {
  it('is the version of package.json alone', () => {
    expect(VERSION).toBe(pkg.version)
    expect(versionText()).toBe(`${pkg.version}\n`)
  })
})
