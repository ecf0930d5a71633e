/** The caller's town's report choices (lib/townChoices), from the shared roster.me answer. */
import { townChoices, type TownChoices } from '../lib/townChoices'
import { useMe } from './useMe'

export function useTownChoices(): TownChoices {
  return townChoices(useMe().me)
}
