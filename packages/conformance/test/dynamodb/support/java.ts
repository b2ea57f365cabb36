import { spawnSync } from 'node:child_process'

/**
 * Why the DynamoDB Local tests are skipped on this machine, or undefined when they run. They
 * need Java; a developer without it gets skips that say how to install it, while in CI
 * (`CI=true`, where `.ci/run` installs Java) they always run, so a missing Java fails loudly.
 */
export const skipWithoutJava: string | undefined =
  process.env.CI || spawnSync('java', ['-version']).status === 0
    ? undefined
    : 'skipped: DynamoDB Local needs Java 17 (apt-get install -y openjdk-17-jre-headless)'
