/**
 * `roster`: the grid office keeps the town's roster (create, edit, move, deactivate, reactivate,
 * hand over, import); a person binds their WeChat with an invite code (shared/schemas/rosterFunction.ts).
 */
import { rosterRequest } from '@shared/index'
import { defineActions } from '../_lib/entry/defineActions'
import { bindInvite, createStaff, me, regenerateInvite } from './actions'
import { auditLog } from './audit'
import { importStaff, importTemplate } from './importRoster'
import { deactivateStaff, handoverPlan, reactivateStaff, updateStaff } from './lifecycle'
import { listStaff } from './listStaff'
import { calendarWarning, gridTeam, unstaffedGrids } from './team'
import { correctResidentGrid, myGrid } from './residentGrid'
import { gridCode } from './gridCode'
import { villagePosters } from './posters'
import { saveGrid, saveVillage } from './structureEdit'
import { revealLog } from './revealLog'
import { mergeGrids } from './gridMerge'
import { splitGrid } from './gridSplit'
import { saveTownConfig, townConfig } from './townSettings'
import { changesTown } from './changesTown'

export const main = defineActions({
  schema: rosterRequest,
  actions: {
    createStaff: changesTown(createStaff),
    bindInvite: changesTown(bindInvite),
    me,
    listStaff,
    regenerateInvite: changesTown(regenerateInvite),
    updateStaff: changesTown(updateStaff),
    deactivateStaff: changesTown(deactivateStaff),
    reactivateStaff: changesTown(reactivateStaff),
    handoverPlan,
    gridTeam,
    unstaffedGrids,
    auditLog,
    importTemplate,
    importStaff: changesTown(importStaff),
    myGrid,
    correctResidentGrid,
    gridCode,
    villagePosters,
    saveVillage: changesTown(saveVillage),
    saveGrid: changesTown(saveGrid),
    calendarWarning,
    revealLog,
    mergeGrids: changesTown(mergeGrids),
    splitGrid: changesTown(splitGrid),
    townConfig,
    saveTownConfig: changesTown(saveTownConfig),
  },
})
