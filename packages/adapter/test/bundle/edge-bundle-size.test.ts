import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build, type Metafile } from 'esbuild'
import { describe, expect, it } from 'vitest'

// Next.js bundles middleware.ts (and proxy.ts) for the Edge runtime with everything it imports,
// so whatever the adapter imports reaches every request's bundle: zod once added 15 % to it, only
// to validate options (issue 13). Built here as a bundler builds for the Edge (the `edge-light`,
// `worker` and `browser` export conditions, browser entry points, minified), each middleware once
// with this adapter and once with `@auth/dynamodb-adapter` 2.11.3, and the same AWS SDK client a
// real app builds: a tiny one that reads the session, and one that runs Auth.js (`Auth()` of
// @auth/core with a provider, what next-auth v5's middleware runs).

const ours = fileURLToPath(new URL('../../dist/index.js', import.meta.url))
const upstream = '@auth/dynamodb-adapter'

const middlewares = {
  tiny: (adapterModule: string) => `
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocument } from '@aws-sdk/lib-dynamodb'
import { DynamoDBAdapter } from ${JSON.stringify(adapterModule)}

const adapter = DynamoDBAdapter(DynamoDBDocument.from(new DynamoDBClient({ region: 'eu-west-1' })))

export default async function middleware(request) {
  const token = request.headers.get('cookie')?.match(/authjs.session-token=([^;]+)/)?.[1]
  const found = token ? await adapter.getSessionAndUser(token) : null
  return found ? undefined : Response.redirect(new URL('/signin', request.url))
}
`,
  'Auth.js': (adapterModule: string) => `
import { Auth } from '@auth/core'
import GitHub from '@auth/core/providers/github'
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocument } from '@aws-sdk/lib-dynamodb'
import { DynamoDBAdapter } from ${JSON.stringify(adapterModule)}

const adapter = DynamoDBAdapter(DynamoDBDocument.from(new DynamoDBClient({ region: 'eu-west-1' })))

export default function middleware(request) {
  return Auth(request, { adapter, providers: [GitHub], session: { strategy: 'database' }, trustHost: true })
}
`,
}

interface EdgeBundle {
  bytes: number
  gzipBytes: number
  /** Bytes in the bundle per package (`zod`, `@aws-sdk/core`...), or `<own>` for the adapter's dist. */
  packages: Map<string, number>
}

function packagesOf(metafile: Metafile): Map<string, number> {
  const packages = new Map<string, number>()
  for (const output of Object.values(metafile.outputs)) {
    for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
      const name =
        /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/.exec(path)?.[1] ?? '<own>'
      packages.set(name, (packages.get(name) ?? 0) + bytesInOutput)
    }
  }
  return packages
}

async function edgeBundle(source: string): Promise<EdgeBundle> {
  const result = await build({
    stdin: { contents: source, resolveDir: fileURLToPath(new URL('.', import.meta.url)) },
    bundle: true,
    minify: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['edge-light', 'worker', 'browser'],
    mainFields: ['browser', 'module', 'main'],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  })
  const code = Buffer.concat(result.outputFiles.map((file) => Buffer.from(file.contents)))
  return {
    bytes: code.length,
    gzipBytes: gzipSync(code).length,
    packages: packagesOf(result.metafile),
  }
}

const format = (bytes: number) => bytes.toLocaleString('en-US')
const percent = (ratio: number) => `${ratio >= 1 ? '+' : ''}${((ratio - 1) * 100).toFixed(1)} %`

describe.each(Object.entries(middlewares))(
  'the Edge bundle of a %s middleware',
  (name, middleware) => {
    it("holds no package that the same middleware with @auth/dynamodb-adapter lacks: only the adapter's own code is added", async () => {
      const [withOurs, withUpstream] = await Promise.all([
        edgeBundle(middleware(ours)),
        edgeBundle(middleware(upstream)),
      ])
      const own = withOurs.packages.get('<own>') ?? 0
      const upstreamOwn = withUpstream.packages.get(upstream) ?? 0
      console.log(
        [
          `Edge bundle of the ${name} middleware (esbuild, minified, edge-light/worker/browser):`,
          `  @auth-dynamo/adapter           ${format(withOurs.bytes)} bytes, ${format(withOurs.gzipBytes)} gzipped`,
          `  @auth/dynamodb-adapter 2.11.3  ${format(withUpstream.bytes)} bytes, ${format(withUpstream.gzipBytes)} gzipped`,
          `  difference ${percent(withOurs.bytes / withUpstream.bytes)} (${percent(withOurs.gzipBytes / withUpstream.gzipBytes)} gzipped); the adapters' own code: ${format(own)} vs ${format(upstreamOwn)} bytes; the 2 % goal of issue 13 allows ${format(Math.floor(withUpstream.bytes * 0.02))} bytes more`,
        ].join('\n'),
      )

      // No dependency of ours in the bundle (zod was one): every package in it is also in
      // upstream's bundle, which needs the same AWS SDK and, for Auth.js, @auth/core.
      const added = [...withOurs.packages.keys()].filter(
        (pkg) => pkg !== '<own>' && !withUpstream.packages.has(pkg),
      )
      expect(added).toEqual([])
      // So the difference is the adapters' own code, give or take esbuild's module glue.
      expect(Math.abs(withOurs.bytes - withUpstream.bytes - (own - upstreamOwn))).toBeLessThan(
        1_000,
      )
    }, 60_000)
  },
)
