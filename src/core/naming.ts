// How a door's user wrote each setting, so the core's messages speak the user's language: the
// action's `input 'wait_timeout'`, the command line's `--wait-timeout`, the library's
// `options.waitTimeout`. The core knows settings by their action.yml names (names.ts) only.
import { Inputs } from './names.js'

export type InputName = (typeof Inputs)[keyof typeof Inputs]

export interface Naming {
  /** The setting as the user wrote it, ready to stand in a sentence: `input 'timeout'`, `--timeout`. */
  setting(input: InputName): string
  /** The setting's bare name, for hints: `'timeout'`, `--timeout`, `options.timeout`. */
  name(input: InputName): string
  /**
   * Where a relative path is resolved from, in the words the door's user knows (the workspace, the
   * current directory).
   */
  pathsRelativeTo: string
  /** How to give the api key, as one sentence ending in a period. */
  apiKeyHelp: string
}

/** The library's names: the inputs in camelCase, except that the account list is plural. */
export function optionName(input: InputName): string {
  if (input === Inputs.LinkedAccountId) return 'linkedAccounts'
  return input.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase())
}

export const libraryNaming: Naming = {
  setting: input => `options.${optionName(input)}`,
  name: input => `options.${optionName(input)}`,
  pathsRelativeTo: 'the current directory',
  apiKeyHelp: 'pass options.apiKey, or set options.dryRun with named accounts.'
}
