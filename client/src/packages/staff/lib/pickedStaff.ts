/**
 * The roster entry the office opened from the 花名册 (修改/停用): handed to the edit page in memory,
 * since a page address carries only short strings. A page opened without one asks to go back.
 */
import type { StaffRow } from '../../../services/api'

let picked: StaffRow | null = null

export const pickStaff = (row: StaffRow): void => {
  picked = row
}
export const pickedStaff = (staffId: string): StaffRow | null => (picked?._id === staffId ? picked : null)
