import { readdir, readFile } from 'node:fs/promises'
import { dirname, join, relative, resolve } from 'node:path'

/** Every file under `dir`, as paths relative to it. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort()
}

/**
 * The source files that the package's source maps (`.js.map`, `.d.ts.map`) point at and the
 * package does not contain: what "Go to definition" or a mapped stack trace would fail to open.
 */
export async function missingMapSources(packageDir: string): Promise<string[]> {
  const files = await listFiles(packageDir)
  const present = new Set(files)
  const missing: string[] = []
  for (const file of files.filter((name) => name.endsWith('.map'))) {
    const map = JSON.parse(await readFile(join(packageDir, file), 'utf8')) as {
      sources: string[]
      sourceRoot?: string
    }
    for (const source of map.sources) {
      const target = relative(
        packageDir,
        resolve(packageDir, dirname(file), map.sourceRoot ?? '', source),
      )
      if (!present.has(target)) missing.push(`${file} -> ${target}`)
    }
  }
  return missing
}
