// What the command line reads and prints besides its flags: standard input for
// `--payload-file -`, and the outputs as one JSON object with their JSON types for `--json`.
import { InputError } from '../core/errors.js'
import { Inputs } from '../core/names.js'
import { outcomeOutputs } from '../core/outputs.js'
import { MAX_PAYLOAD_FILE_BYTES } from '../core/payload.js'
import type { Outcome } from '../core/run.js'

/** The outputs with their JSON types: `payload` and `response` as JSON values when they parse. */
export function jsonOutputs(outcome: Outcome): Record<string, unknown> {
  const outputs: Record<string, unknown> = { ...outcomeOutputs(outcome) }
  for (const name of ['payload', 'response']) {
    const text = outputs[name]
    if (typeof text !== 'string' || !text) continue
    try {
      outputs[name] = JSON.parse(text)
    } catch {
      // Not JSON (an HTML error page, a cut body): kept as the text it is.
    }
  }
  return outputs
}

/** `--payload-file -`: standard input becomes the inline payload; empty input is an error. */
export async function withStdinPayload(
  inputs: Readonly<Record<string, string>>,
  stdin: AsyncIterable<Buffer | string>
): Promise<Readonly<Record<string, string>>> {
  if (inputs[Inputs.PayloadFile]?.trim() !== '-') return inputs
  const text = await readAll(stdin)
  if (!text.trim()) {
    throw new InputError(
      Inputs.PayloadFile,
      'Invalid --payload-file -: standard input is empty; pipe the payload in, or leave out --payload-file.'
    )
  }
  return { ...inputs, [Inputs.PayloadFile]: '', [Inputs.Payload]: text }
}

/** Standard input, bounded like a payload file. */
async function readAll(stream: AsyncIterable<Buffer | string>): Promise<string> {
  const chunks: Buffer[] = []
  let bytes = 0
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk)
    bytes += buffer.length
    if (bytes > MAX_PAYLOAD_FILE_BYTES) {
      throw new InputError(
        Inputs.PayloadFile,
        `Invalid --payload-file -: standard input holds more than ${MAX_PAYLOAD_FILE_BYTES / 1024 / 1024} MiB, the most a payload may be.`
      )
    }
    chunks.push(buffer)
  }
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
}
