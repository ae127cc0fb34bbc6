// The one fake-Refold lifecycle of the end-to-end suites: at most one fake per test, closed after
// it, and every request it received held to Refold's API (test/conformance.js) whatever the test.
import { afterEach } from '@jest/globals'
import { assertConforming } from './conformance.js'
import { startFakeRefold } from './fake-refold.js'

/** @typedef {import('./fake-refold.js').FakeRefold} FakeRefold */
/** @typedef {import('./fake-refold.js').FakeRefoldOptions} FakeRefoldOptions */

/**
 * @typedef {object} FakeRefoldPerTest
 * @property {(options?: FakeRefoldOptions) => Promise<FakeRefold>} start This test's fake,
 *   started with `options` if none is yet; once one is, `options` are not looked at, so a helper
 *   can start the fake for a test that had no need to set it up first.
 * @property {(options?: FakeRefoldOptions) => Promise<FakeRefold>} replace Close this test's fake,
 *   hold its requests to the API now, and start a fresh one with `options` in its place.
 * @property {FakeRefold} current This test's fake; throws when none was started.
 */

/**
 * Call inside a `describe`: registers the `afterEach` that closes and checks this test's fake.
 * @returns {FakeRefoldPerTest}
 */
export function fakeRefoldPerTest() {
  /** @type {FakeRefold | undefined} */
  let fake

  /** Forgotten before it is checked, so a failed check cannot leak it into the next test. */
  async function retire() {
    const done = fake
    fake = undefined
    if (!done) return
    await done.close()
    assertConforming(done.requests)
  }

  afterEach(retire)

  return {
    async start(options) {
      fake ??= await startFakeRefold(options)
      return fake
    },
    async replace(options) {
      await retire()
      fake = await startFakeRefold(options)
      return fake
    },
    get current() {
      if (!fake) throw new Error('No fake Refold was started in this test: call start() first.')
      return fake
    }
  }
}
