// Every account's full result as JSON Lines: what outputs and the summary cannot hold past GitHub's
// limits, and what a later run resumes from (`linked_account_file` with a .jsonl file).
import { createWriteStream } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import * as path from 'node:path'
import type { AccountResult } from './fire.js'
import { executionOutput, resultOutput } from './outputs.js'

/** Lines written per chunk: large enough to be quick, small enough to keep memory flat. */
const LINES_PER_WRITE = 500

export async function writeResultsFile(
  file: string,
  results: readonly AccountResult[]
): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true })
  const stream = createWriteStream(file)
  const written = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve)
    stream.on('error', reject)
  })
  for (let start = 0; start < results.length; start += LINES_PER_WRITE) {
    const lines = results.slice(start, start + LINES_PER_WRITE).map(result =>
      JSON.stringify({
        ...resultOutput(result),
        executions: (result.wait?.executions ?? []).map(executionOutput)
      })
    )
    if (!stream.write(`${lines.join('\n')}\n`)) {
      // A stream that fails (the file cannot be opened, the disk is full) never drains: its error
      // ends the write instead of leaving it waiting, with `written` rejected unhandled.
      const drained = new Promise<void>(resolve => stream.once('drain', () => resolve()))
      await Promise.race([drained, written])
    }
  }
  stream.end()
  await written
}
