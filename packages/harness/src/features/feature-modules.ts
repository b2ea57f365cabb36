import type { FeatureModule } from './feature-module.js'
import { tableLifecycleFeature } from './table-lifecycle-feature.js'
import { transactionsFeature } from './transactions/transactions-feature.js'
import { ttlFeature } from './ttl-feature.js'

/** Every emulated feature, registered in this one place. */
export const featureModules: readonly FeatureModule[] = [
  ttlFeature,
  tableLifecycleFeature,
  transactionsFeature,
]
