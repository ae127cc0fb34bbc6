// The Node versions the bundle is run under in end-to-end tests: this one (the machines' Node 20)
// and Node 24, what `runs.using: node24` gets on GitHub, fetched once from the npm registry.
import { execFileSync } from 'node:child_process'

/** @type {string | undefined} */
let node24

/** Path of a Node 24 binary (the `node` registry package, cached by npx after the first call). */
export function node24Binary() {
  node24 ??= execFileSync('npx', ['-y', '-p', 'node@24', 'node', '-p', 'process.execPath'], {
    encoding: 'utf8',
    timeout: 300_000
  }).trim()
  return node24
}

/** [label, binary] pairs for describe.each. */
export function nodeBinaries() {
  return [
    [`Node ${process.versions.node.split('.')[0]}`, process.execPath],
    ['Node 24', node24Binary()]
  ]
}
