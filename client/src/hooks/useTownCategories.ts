/**
 * The caller's town's categories (roster.me), for naming a ticket's category the town's way
 * (lib/format categoryName). The shared answer at once when there is one; else it follows when
 * roster.me answers. No reload on show: names change a few times a year.
 */
import { useEffect, useState } from 'react'
import type { CategoryChoice } from '@shared/model/category'
import { cachedMe, loadMe } from '../services/session'

export function useTownCategories(): readonly CategoryChoice[] {
  const [categories, setCategories] = useState(() => cachedMe()?.categories ?? [])
  useEffect(() => {
    if (cachedMe()) return
    let live = true
    loadMe().then((r) => live && r.ok && setCategories(r.data.categories))
    return () => {
      live = false
    }
  }, [])
  return categories
}
