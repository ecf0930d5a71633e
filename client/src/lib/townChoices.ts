/**
 * What the report form offers, from the caller's town (roster.me): its categories and the
 * subscribe-template ids to ask for. Shared's defaults stand in while roster.me loads (or fails),
 * so the form is usable at once; they are data only, a few hundred bytes in the main package.
 */
import { activeCategories, DEFAULT_CATEGORIES, type CategoryChoice } from '@shared/model/category'
import {
  DEFAULT_TEMPLATE_CONFIG,
  subscribeTemplateIds,
  type SubscribeTemplates,
} from '@shared/notifications/templateConfig'
import type { Me } from '../services/api'

export interface TownChoices {
  categories: CategoryChoice[]
  subscribeTemplates: SubscribeTemplates
}

export const DEFAULT_CHOICES: TownChoices = {
  categories: activeCategories(DEFAULT_CATEGORIES),
  subscribeTemplates: subscribeTemplateIds(DEFAULT_TEMPLATE_CONFIG),
}

export const townChoices = (me: Me | null): TownChoices =>
  me ? { categories: me.categories, subscribeTemplates: me.subscribeTemplates } : DEFAULT_CHOICES
