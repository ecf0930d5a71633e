/**
 * 有事找五员 posters: one A4 page per grid — the grid's name, its people by role with their phone
 * numbers, and its 小程序码 — all the grids of a village in one PDF (pdf-lib), with the CJK font
 * embedded as a subset (only the characters used). The font is not bundled (a CJK font is ~20 MB):
 * `posterFont()` takes the file the town's config names in cloud storage (`posterFontFileID`), or
 * on the local cloud the Noto CJK font of the machine.
 */
import { existsSync, readFileSync } from 'node:fs'
import fontkit from '@pdf-lib/fontkit'
import { PDFDocument, rgb, type PDFFont } from 'pdf-lib'
import type { Grid, RosterRequest, Village } from '@shared/index'
import { db } from '../_lib/platform/cloud'
import { C } from '../_lib/store/collections'
import type { ActionContext } from '../_lib/entry/defineActions'
import { AppError } from '../_lib/entry/envelope'
import { townConfigId } from '../_lib/store/config'
import { requireRosterAdmin } from './admin'
import { download, publish } from './files'
import { gridCodeImage } from './gridCode'
import { teamOf } from './team'
import { readAll } from '../_lib/store/readAll'

type Req = Extract<RosterRequest, { action: 'villagePosters' }>

const A4: [number, number] = [595.28, 841.89]
/**
 * Fonts a local machine may have (Debian's fonts-wqy-microhei, fonts-droid-fallback). They must have
 * TrueType outlines: pdf-lib's subset of a CFF-outlined font (Noto Sans CJK, 思源黑体 .otf) is a font
 * program PDF readers refuse ("Embedded font file may be invalid"), and a printer without that font
 * then prints boxes.
 */
const LOCAL_FONTS = [
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
  '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf',
]

async function posterFont(townId: string): Promise<Buffer> {
  const { data } = await db()
    .collection<{ posterFontFileID?: string }>(C.config)
    .doc(townConfigId(townId))
    .get()
  if (data?.posterFontFileID) return download(data.posterFontFileID)
  const local = LOCAL_FONTS.find((f) => existsSync(f))
  if (local) return readFileSync(local)
  throw new AppError('INTERNAL', '还没有配置海报用的中文字体，请联系环境管理员（见部署说明）')
}

type Team = Awaited<ReturnType<typeof teamOf>>
const LINES: [keyof Omit<Team, 'grid' | 'village'>, string, number][] = [
  ['workers', '网格工作员', 2],
  ['villageGuides', '村级指导员', 2],
  ['townGuides', '镇级指导员', 1],
  ['supervisors', '镇级督导员', 1],
  ['informants', '网格信息员', 4],
]

function drawPoster(
  doc: PDFDocument,
  font: PDFFont,
  team: Team,
  code: Awaited<ReturnType<PDFDocument['embedPng']>>,
) {
  const page = doc.addPage(A4)
  const [w, h] = A4
  const ink = rgb(0.1, 0.1, 0.1)
  const blue = rgb(0.04, 0.36, 0.68)
  const centre = (text: string, size: number, y: number, color = ink) =>
    page.drawText(text, { x: (w - font.widthOfTextAtSize(text, size)) / 2, y, size, font, color })
  page.drawRectangle({ x: 0, y: h - 150, width: w, height: 150, color: blue })
  centre('有事找五员', 48, h - 90, rgb(1, 1, 1))
  centre(`${team.village.name}${team.grid.name}`, 26, h - 135, rgb(1, 1, 1))
  let y = h - 200
  for (const [key, role, max] of LINES) {
    for (const p of team[key].slice(0, max)) {
      page.drawText(role, { x: 60, y, size: 18, font, color: rgb(0.35, 0.35, 0.35) })
      page.drawText(p.name, { x: 190, y, size: 22, font, color: ink })
      page.drawText(p.phone, { x: 330, y, size: 22, font, color: ink })
      y -= 36
    }
  }
  const side = 220
  page.drawImage(code, { x: (w - side) / 2, y: 110, width: side, height: side })
  centre('微信扫一扫，有事随时报', 22, 75)
  centre('全镇一张网，有事找网格', 14, 45, rgb(0.35, 0.35, 0.35))
}

export async function villagePosters(req: Req, ctx: ActionContext) {
  const admin = await requireRosterAdmin(ctx)
  const { data: village } = await db().collection<Village>(C.villages).doc(req.villageId).get()
  if (!village || village.townId !== admin.townId) throw new AppError('NOT_FOUND', '没有找到这个村')
  // a merged grid has no poster: its people and residents are in the grid it became
  const grids = (await readAll<Grid>(C.grids, { townId: admin.townId, villageId: village._id }, {}))
    .filter((g) => !g.mergedInto)
    .sort((a, b) => (a.order ?? 0) - (b.order ?? 0) || a._id.localeCompare(b._id))
  if (grids.length === 0) throw new AppError('NOT_FOUND', '这个村还没有网格')
  const doc = await PDFDocument.create()
  doc.setTitle(`${village.name} 有事找五员`)
  // A collection (.ttc) is opened at its first face; a single font as it is.
  doc.registerFontkit({
    create: (bytes: Uint8Array) => {
      const opened = fontkit.create(bytes as Buffer) as unknown as { fonts?: unknown[] }
      const font = (opened.fonts ? opened.fonts[0] : opened) as
        { directory?: { tables?: object } } | undefined
      if (!font?.directory?.tables || !('glyf' in font.directory.tables))
        throw new AppError(
          'INTERNAL',
          '海报字体需要 TrueType 轮廓的中文字体（.ttf，例如文泉驿微米黑），请联系环境管理员',
        )
      return font
    },
  } as never)
  const font = await doc.embedFont(await posterFont(admin.townId), { subset: true })
  for (const g of grids) {
    const [team, png] = await Promise.all([teamOf(admin.townId, g._id), gridCodeImage(g._id)])
    drawPoster(doc, font, team, await doc.embedPng(png))
  }
  const pdf = Buffer.from(await doc.save())
  const file = await publish(`roster/${admin.townId}/posters/${village._id}.pdf`, pdf)
  return { villageName: village.name, pages: grids.length, ...file }
}
