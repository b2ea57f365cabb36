type Waiter = { exclusive: boolean; start: () => void }

/**
 * A readers-writer lock for one namespace's store. Single-item requests hold it shared (dynalite
 * orders writes to one item itself); a transaction, a snapshot or a reset holds it exclusively,
 * so no request ever sees half of one. Waiters are served in arrival order, and a waiting
 * exclusive holder stops later shared ones from overtaking it, so it never starves.
 */
export class ReadWriteLock {
  #shared = 0
  #exclusive = false
  readonly #queue: Waiter[] = []

  /** Runs `work` while holding the lock shared. */
  shared<T>(work: () => Promise<T>): Promise<T> {
    return this.#run(false, work)
  }

  /** Runs `work` while holding the lock alone. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    return this.#run(true, work)
  }

  async #run<T>(exclusive: boolean, work: () => Promise<T>): Promise<T> {
    await this.#acquire(exclusive)
    try {
      return await work()
    } finally {
      this.#release(exclusive)
    }
  }

  #acquire(exclusive: boolean): Promise<void> {
    if (this.#queue.length === 0 && this.#canStart(exclusive)) {
      this.#take(exclusive)
      return Promise.resolve()
    }
    return new Promise((resolve) => {
      this.#queue.push({
        exclusive,
        start: () => {
          this.#take(exclusive)
          resolve()
        },
      })
    })
  }

  #canStart(exclusive: boolean): boolean {
    return exclusive ? !this.#exclusive && this.#shared === 0 : !this.#exclusive
  }

  #take(exclusive: boolean): void {
    if (exclusive) this.#exclusive = true
    else this.#shared++
  }

  #release(exclusive: boolean): void {
    if (exclusive) this.#exclusive = false
    else this.#shared--
    while (this.#queue.length > 0) {
      const next = this.#queue[0] as Waiter
      if (!this.#canStart(next.exclusive)) break
      this.#queue.shift()
      next.start()
      if (next.exclusive) break
    }
  }
}
