import type { IncomingMessage, ServerResponse } from 'node:http'
import { EmulatorError } from '../errors/emulator-error.js'
import { adminPath } from './admin-path.js'
import type { AdministeredEmulator } from './admin-router.js'
import type { AdminErrorBody } from './admin-types.js'
import { emulatorErrorStatus } from './emulator-error-status.js'
import { namespaceInfo } from './namespace-info.js'

// Every test file's helper (vitest's and jest's fileNamespace) makes a namespace with the
// emulator's defaults before its tests and deletes it after, and most suites make no other
// admin request. Served here, those two do not load express and zod: about 270 ms of CPU
// (measured in process, issue 13) that the first test files of a run waited for. Only requests whose
// answer cannot differ from the express app's are taken, those without a body; the express app
// serves the rest, these two with a body included.

const namespacesPath = `${adminPath}/namespaces`
// Ids that need no percent-decoding, so that this path and express's `:id` read the same id.
const plainId = /^[\w-]{1,64}$/

/**
 * Serves `POST {adminPath}/namespaces` and `DELETE {adminPath}/namespaces/:id` when they carry
 * no body, with the express app's answers (201 and the namespace's info, 204, or the error's
 * status and `{ error: { code, message } }`). `emulator` is read only for those two; when it
 * throws (still starting) the throw is the caller's, as for the admin app.
 * @returns false, having read nothing of the request, for every other request
 */
export async function serveNamespaceLifecycle(
  req: IncomingMessage,
  res: ServerResponse,
  emulator: () => AdministeredEmulator,
): Promise<boolean> {
  if (!hasNoBody(req)) return false
  const url = req.url ?? ''
  if (req.method === 'POST' && url === namespacesPath) {
    const administered = emulator()
    req.resume()
    await answer(res, async () => ({
      status: 201,
      body: await namespaceInfo(await administered.createNamespace({})),
    }))
    return true
  }
  const id = url.startsWith(`${namespacesPath}/`) ? url.slice(namespacesPath.length + 1) : ''
  if (req.method === 'DELETE' && plainId.test(id)) {
    const administered = emulator()
    req.resume()
    await answer(res, async () => {
      if (await administered.deleteNamespace(id)) return { status: 204 }
      const error = { code: 'NOT_FOUND', message: `No namespace ${id}` }
      return { status: 404, body: { error } satisfies AdminErrorBody }
    })
    return true
  }
  return false
}

// With a Content-Length, even 0, express's body parser checks the charset and the encoding and
// refuses ones it does not take (415): a request that names either is left to it.
function hasNoBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length']
  if (length === undefined) return req.headers['transfer-encoding'] === undefined
  return (
    length === '0' &&
    req.headers['content-encoding'] === undefined &&
    !(req.headers['content-type'] ?? '').includes(';')
  )
}

async function answer(
  res: ServerResponse,
  serve: () => Promise<{ status: number; body?: unknown }>,
): Promise<void> {
  let status: number
  let body: unknown
  try {
    ;({ status, body } = await serve())
  } catch (error) {
    const known = error instanceof EmulatorError
    status = known ? emulatorErrorStatus(error) : 500
    body = {
      error: {
        code: known ? error.code : 'INTERNAL',
        message: error instanceof Error ? error.message : String(error),
      },
    } satisfies AdminErrorBody
  }
  // The client may have gone while the namespace was made: there is no one to answer.
  if (res.headersSent || res.destroyed) return
  if (body === undefined) {
    res.writeHead(status).end()
    return
  }
  const json = Buffer.from(JSON.stringify(body))
  res
    .writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(json.length),
    })
    .end(json)
}
