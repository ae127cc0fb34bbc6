// What `--help` and `--version` print. The flags and their descriptions come from action.yml (via
// the generated flags.ts), so the command line and the action document the same inputs.
import pkg from '../../package.json' with { type: 'json' }
import { API_KEY_ENV, CLI_FLAGS, INPUT_FLAGS } from './args.js'

export const VERSION: string = pkg.version

/** What only the command line adds to an input's description from action.yml. */
const COMMAND_LINE_NOTES: Readonly<Record<string, string>> = {
  'linked-account-id': 'Repeat the flag for several accounts.',
  'payload-file': 'A path of - reads the payload from standard input.',
  'idempotency-key':
    'On the command line the default is a UUID drawn once per run, followed by /<account>.'
}

const WIDTH = 100
const INDENT = 6

/** `--version`: the version alone, so scripts can read it. Ends with a newline. */
export function versionText(): string {
  return `${VERSION}\n`
}

/** `--help`: usage, every flag with its description, the key, the exit codes. Ends with a newline. */
export function helpText(): string {
  const inputs = INPUT_FLAGS.map(spec => {
    const notes = [
      spec.description,
      COMMAND_LINE_NOTES[spec.flag],
      !spec.takesValue && spec.sets === 'false'
        ? `The flag sets ${spec.input} to false.`
        : undefined,
      spec.required ? 'Required.' : undefined,
      spec.takesValue && spec.default !== '' ? `Default: ${spec.default}.` : undefined
    ]
    return entry(
      `--${spec.flag}${spec.takesValue ? ' <value>' : ''}`,
      notes.filter(note => note !== undefined).join(' ')
    )
  })
  const own = CLI_FLAGS.map(spec =>
    entry('short' in spec ? `--${spec.flag}, -${spec.short}` : `--${spec.flag}`, spec.description)
  )
  return [
    `refold-trigger ${VERSION}: fire a Refold event from any CI job or script, as the GitHub Action does.`,
    '',
    'Usage: refold-trigger --event <name> --linked-account-id <id> [flags]',
    '',
    ...wrap(
      `The API key is read from the environment variable ${API_KEY_ENV}, never from a flag ` +
        '(a flag would leak it into process lists and shell history); --dry-run needs none.',
      0
    ),
    '',
    'Flags from the action (descriptions as in action.yml, where dry_run is --dry-run and so on;',
    'write a value as --flag <value> or --flag=<value>):',
    ...inputs.flat(),
    '',
    'Flags of the command line:',
    ...own.flat(),
    '',
    'The log goes to stderr. Exit status: 0 success (or a failure with --no-fail-on-error),',
    '1 Refold refused the event or a wait failed, 2 a usage or input error (nothing was sent).',
    ''
  ].join('\n')
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
