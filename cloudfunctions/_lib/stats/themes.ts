/**
 * The town's campaign themes (`campaignThemes` on its config document, else shared's defaults),
 * cached per warm instance for a short time like the rest of the configuration.
 */
import { campaignThemesOf, type Theme } from '@shared/index'
import { db } from '../platform/cloud'
import { C } from '../store/collections'
import { townConfigId } from '../store/config'

const TTL_MS = 30_000
const cache = new Map<string, { at: number; value: readonly Theme[] }>()

export async function campaignThemes(townId: string): Promise<readonly Theme[]> {
  const hit = cache.get(townId)
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value
  const { data } = await db()
    .collection<{ campaignThemes?: unknown }>(C.config)
    .doc(townConfigId(townId))
    .get()
  const value = campaignThemesOf(data?.campaignThemes)
  cache.set(townId, { at: Date.now(), value })
  return value
}
