import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

/** Told when a table's TTL is enabled (with its attribute) or disabled (undefined). */
export type TtlChangeListener = (tableName: string, attributeName: string | undefined) => void

/**
 * Which tables have TTL enabled, on which attribute. dynalite has no notion of TTL, so the
 * emulator keeps this itself, on disk beside the data when the emulator persists.
 */
export class TtlRegistry {
  readonly #attributes = new Map<string, string>()
  readonly #listeners = new Set<TtlChangeListener>()
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

  /**
   * Calls `listener` after every change of a table's TTL (`attributeName` undefined: disabled);
   * returns the function that stops it.
   */
  onChange(listener: TtlChangeListener): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  enable(tableName: string, attributeName: string): void {
    const previous = this.#attributes.get(tableName)
    this.#attributes.set(tableName, attributeName)
    this.#save()
    if (previous !== attributeName) this.#changed(tableName, attributeName)
  }

  disable(tableName: string): void {
    if (this.#attributes.delete(tableName)) {
      this.#save()
      this.#changed(tableName, undefined)
    }
  }

  clear(): void {
    const tableNames = [...this.#attributes.keys()]
    this.#attributes.clear()
    this.#save()
    for (const tableName of tableNames) this.#changed(tableName, undefined)
  }

  #changed(tableName: string, attributeName: string | undefined): void {
    for (const listener of this.#listeners) listener(tableName, attributeName)
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
