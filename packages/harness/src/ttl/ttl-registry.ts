import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

/**
 * Which tables have TTL enabled, on which attribute. dynalite has no notion of TTL, so the
 * emulator keeps this itself, on disk beside the data when the emulator persists.
 */
export class TtlRegistry {
  readonly #attributes = new Map<string, string>()
  readonly #file: string | undefined

  private constructor(file: string | undefined) {
    this.#file = file
  }

  /** An in-memory registry, or one loaded from (and saved to) `file`. */
  static open(file?: string): TtlRegistry {
    const registry = new TtlRegistry(file)
    if (file) {
      let saved: Record<string, string> = {}
      try {
        saved = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      }
      for (const [table, attribute] of Object.entries(saved)) {
        registry.#attributes.set(table, attribute)
      }
    }
    return registry
  }

  /** The TTL attribute of a table, or undefined when TTL is disabled. */
  attributeOf(tableName: string): string | undefined {
    return this.#attributes.get(tableName)
  }

  /** Every table with TTL enabled, with its attribute. */
  entries(): Array<[tableName: string, attributeName: string]> {
    return [...this.#attributes.entries()]
  }

  enable(tableName: string, attributeName: string): void {
    this.#attributes.set(tableName, attributeName)
    this.#save()
  }

  disable(tableName: string): void {
    if (this.#attributes.delete(tableName)) this.#save()
  }

  clear(): void {
    this.#attributes.clear()
    this.#save()
  }

  #save(): void {
    if (!this.#file) return
    // Write then rename, so a crash mid-write never leaves a truncated file behind.
    mkdirSync(dirname(this.#file), { recursive: true })
    const temporary = `${this.#file}.tmp`
    writeFileSync(temporary, JSON.stringify(Object.fromEntries(this.#attributes), null, 2))
    renameSync(temporary, this.#file)
  }
}
