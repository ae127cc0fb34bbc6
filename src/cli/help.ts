// What `--help`, `--version` and a bare `refold-trigger` print. The flags and their descriptions
// come from action.yml (via the generated flags.ts), reworded where action.yml speaks of the
// action's host (steps, outputs, the workspace, input names), so both doors document one thing.
import pkg from '../../package.json' with { type: 'json' }
import { API_KEY_ENV, CLI_FLAGS, INPUT_FLAGS, flagFor } from './args.js'

export const VERSION: string = pkg.version

/** Descriptions of action.yml that only make sense in a GitHub job, as the command line says them. */
const COMMAND_LINE_WORDING: Readonly<Record<string, string>> = {
  'config-id': 'Config id of the linked account, sent to Refold as a header when given.',
  'no-fail-on-error':
    'A failed trigger or wait is only a warning and the exit status is 0; usage and input errors ' +
    'still exit with 2.',
  'idempotency-key':
    'Sent as the Idempotency-Key header on every attempt. Default: a UUID drawn once per run ' +
    '(so retries share it), then /<account>. A key given here is sent as is when ' +
    '--linked-account-id names one account, and as <key>/<account> for several or *.',
  'dry-run':
    'Check the flags and build the payload, print the request (and with --json the results), ' +
    'but send nothing.',
  'stop-unfinished':
    'When the run is interrupted (SIGINT or SIGTERM) or the wait runs out, stop the matched ' +
    'executions still in progress.'
}

/** What only the command line adds to an input's description. */
const COMMAND_LINE_NOTES: Readonly<Record<string, string>> = {
  'linked-account-id': 'Repeat the flag for several accounts.',
  'payload-file': 'A path of - reads the payload from standard input.'
}

const USAGE = [
  'Usage: refold-trigger --event <name> --linked-account-id <id> [flags]',
  '       refold-trigger --event <name> --linked-account-file <path> [flags]'
].join('\n')

const WIDTH = 100
const INDENT = 6

/** `--version`: the version alone, so scripts can read it. Ends with a newline. */
export function versionText(): string {
  return `${VERSION}\n`
}

/** No arguments at all: the usage line and where to read more. Ends with a newline. */
export function usageText(): string {
  return `${USAGE}\nRun refold-trigger --help for every flag.\n`
}

/** `--help`: usage, every flag with its description, the key, the exit codes. Ends with a newline. */
export function helpText(): string {
  const inputs = INPUT_FLAGS.map(spec => {
    const notes = [
      COMMAND_LINE_WORDING[spec.flag] ?? forCommandLine(spec.description),
      COMMAND_LINE_NOTES[spec.flag],
      spec.required ? 'Required.' : undefined,
      spec.takesValue && spec.default !== '' ? `Default: ${spec.default}.` : undefined
    ]
    return entry(
      `--${spec.flag}${spec.takesValue ? ' <value>' : ''}`,
      notes.filter(note => note !== undefined).join(' ')
    )
  })
  const own = CLI_FLAGS.map(spec => {
    const value = 'value' in spec ? ` <${spec.value}>` : ''
    const short = 'short' in spec ? `, -${spec.short}` : ''
    return entry(`--${spec.flag}${value}${short}`, spec.description)
  })
  return [
    `refold-trigger ${VERSION}: fire a Refold event from any CI job or script, as the GitHub Action does.`,
    '',
    USAGE,
    '',
    ...wrap(
      `The API key is read from the environment variable ${API_KEY_ENV}, never from a flag ` +
        '(a flag would leak it into process lists and shell history); --dry-run needs none.',
      0
    ),
    '',
    'Flags of the run (write a value as --flag <value> or --flag=<value>):',
    ...inputs.flat(),
    '',
    'Flags of the command line:',
    ...own.flat(),
    '',
    'The log goes to stderr. Exit status: 0 success (or a failure with --no-fail-on-error),',
    '1 Refold refused the event or a wait failed, 2 a usage or input error (nothing was sent),',
    '130 interrupted by SIGINT (Ctrl-C), 143 stopped by SIGTERM.',
    ''
  ].join('\n')
}

/** An action.yml description in the command line's words: flags for input names, paths from here. */
function forCommandLine(description: string): string {
  let text = description.replace(/relative to the workspace/g, 'relative to the current directory')
  for (const spec of INPUT_FLAGS) {
    if (spec.input.includes('_')) {
      text = text.replace(new RegExp(`\\b${spec.input}\\b`, 'g'), flagFor(spec.input))
    }
  }
  return text
}

/** A flag on its own line, its description wrapped and indented under it. */
function entry(flag: string, description: string): string[] {
  return [`  ${flag}`, ...wrap(description, INDENT)]
}

function wrap(text: string, indent: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && indent + line.length + 1 + word.length > WIDTH) {
      lines.push(' '.repeat(indent) + line)
      line = word
    } else {
      line = line ? `${line} ${word}` : word
    }
  }
  if (line) lines.push(' '.repeat(indent) + line)
  return lines
}
