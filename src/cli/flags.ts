// Generated from action.yml by `npm run docs` (script/docs.js): edit action.yml, not this file.
// `npm run check-docs` fails when this file is stale.

/** One input of action.yml as a command-line flag. */
export type ActionFlag = {
  /** The flag without its leading dashes: the input in kebab-case, `no-` first when it turns a default of true off. */
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
  /** A switch: given, it sets the input to `sets`. */
  | { readonly takesValue: false; readonly sets: 'true' | 'false' }
)

/** Every input of action.yml, in its order. */
export const ACTION_FLAGS: readonly ActionFlag[] = [
  {
    flag: 'api-key',
    input: 'api_key',
    required: false,
    default: '',
    description:
      'Refold API key (production keys start with pk, test keys with tk). Required unless dry_run.',
    takesValue: true
  },
  {
    flag: 'event',
    input: 'event',
    required: true,
    default: '',
    description: 'Name of the Refold event to fire, exact case.',
    takesValue: true
  },
  {
    flag: 'linked-account-id',
    input: 'linked_account_id',
    required: false,
    default: '',
    description:
      'The linked account (your customer) the event is for; or several, one per line; or * for every linked account of the org. Required unless linked_account_file is set.',
    takesValue: true
  },
  {
    flag: 'linked-account-file',
    input: 'linked_account_file',
    required: false,
    default: '',
    description:
      "Path, relative to the workspace, of a file of linked account ids (one per line; blank lines and lines starting with # ignored), or of an earlier run's .jsonl results file to fire again only the accounts that did not end ok. Exclusive with linked_account_id.",
    takesValue: true
  },
  {
    flag: 'shard',
    input: 'shard',
    required: false,
    default: '',
    description:
      'i/n: fire only the i-th of n slices of the account list, for a matrix of n jobs. Empty fires every account.',
    takesValue: true
  },
  {
    flag: 'config-id',
    input: 'config_id',
    required: false,
    default: '',
    description: 'Config id of the linked account; sent as the config_id header when set.',
    takesValue: true
  },
  {
    flag: 'slug',
    input: 'slug',
    required: false,
    default: '',
    description: "Application slug; when set, only that app's workflows run.",
    takesValue: true
  },
  {
    flag: 'payload',
    input: 'payload',
    required: false,
    default: '',
    description:
      'Event payload, a JSON or YAML object written inline. Larger payloads go in payload_file.',
    takesValue: true
  },
  {
    flag: 'payload-file',
    input: 'payload_file',
    required: false,
    default: '',
    description:
      'Path, relative to the workspace, of a .json, .yml or .yaml file holding the payload. Regular files only (no FIFO or device), at most 10 MiB; a UTF-8 byte-order mark is ignored.',
    takesValue: true
  },
  {
    flag: 'github-context',
    input: 'github_context',
    required: false,
    default: 'auto',
    description:
      'How the GitHub context enters the payload: auto (only when no payload is given), always (under the key github) or never.',
    takesValue: true
  },
  {
    flag: 'base-url',
    input: 'base_url',
    required: false,
    default: 'https://api.gocobalt.io',
    description:
      'Refold API origin (http:// or https://) with an optional path prefix, e.g. https://app.refold.ai or your self-hosted domain; no credentials, query or fragment.',
    takesValue: true
  },
  {
    flag: 'timeout',
    input: 'timeout',
    required: false,
    default: '30',
    description: 'Seconds allowed for one HTTP attempt (connect and response), from 1 to 600.',
    takesValue: true
  },
  {
    flag: 'retries',
    input: 'retries',
    required: false,
    default: '3',
    description:
      'Retries after the first attempt, for retryable failures only; a whole number from 0 to 10.',
    takesValue: true
  },
  {
    flag: 'rate-limit',
    input: 'rate_limit',
    required: false,
    default: '10',
    description:
      'Most requests per second sent to Refold, every call counted (triggers, lists, polls); 0.1-1000.',
    takesValue: true
  },
  {
    flag: 'concurrency',
    input: 'concurrency',
    required: false,
    default: '5',
    description: 'Most requests in flight at once (1-20).',
    takesValue: true
  },
  {
    flag: 'no-fail-on-error',
    input: 'fail_on_error',
    required: false,
    default: 'true',
    description:
      'When false, a failed trigger or wait is a warning and the step succeeds; input errors still fail.',
    takesValue: false,
    sets: 'false'
  },
  {
    flag: 'idempotency-key',
    input: 'idempotency_key',
    required: false,
    default: '',
    description:
      'Sent as the Idempotency-Key header on every attempt. Default: derived from the repository, run, job, step and event (not the run attempt, so a re-run sends the same key), then /<account>. A key given here is sent as is when linked_account_id names one account, and as <key>/<account> for several or *.',
    takesValue: true
  },
  {
    flag: 'dry-run',
    input: 'dry_run',
    required: false,
    default: 'false',
    description:
      'Validate the inputs and build the payload, print the request and set outputs, but send nothing.',
    takesValue: false,
    sets: 'true'
  },
  {
    flag: 'wait',
    input: 'wait',
    required: false,
    default: 'false',
    description:
      'After the event is accepted, wait for the workflow executions it started and fail when one fails.',
    takesValue: false,
    sets: 'true'
  },
  {
    flag: 'wait-timeout',
    input: 'wait_timeout',
    required: false,
    default: '600',
    description: 'Seconds to wait for the executions to finish, from 1 to 21600 (6 hours).',
    takesValue: true
  },
  {
    flag: 'wait-interval',
    input: 'wait_interval',
    required: false,
    default: '10',
    description:
      "Longest gap in seconds between polls of the executions API while no workflow's duration is known (once one is, polls are timed from it), from 1 to 300.",
    takesValue: true
  },
  {
    flag: 'wait-settle',
    input: 'wait_settle',
    required: false,
    default: '10',
    description:
      'Seconds after the trigger before the gate may give its verdict, so a workflow listed a little late is still gated; from 0 to 300.',
    takesValue: true
  },
  {
    flag: 'expected-workflows',
    input: 'expected_workflows',
    required: false,
    default: '',
    description:
      "How many workflow executions each account's trigger starts; when set, the gate waits for that many instead of the settle window. A whole number from 1.",
    takesValue: true
  },
  {
    flag: 'stop-unfinished',
    input: 'stop_unfinished',
    required: false,
    default: 'false',
    description:
      'When the step is cancelled or the wait runs out, stop the matched executions still in progress.',
    takesValue: false,
    sets: 'true'
  },
  {
    flag: 'preflight',
    input: 'preflight',
    required: false,
    default: 'auto',
    description:
      "Check the event and the payload against the event's schema in Refold before anything is fired: auto (when several accounts are named, with wait, or in a dry run), true (always) or false (never).",
    takesValue: true
  },
  {
    flag: 'no-summary',
    input: 'summary',
    required: false,
    default: 'true',
    description: 'Write a job summary.',
    takesValue: false,
    sets: 'false'
  }
]
