/**
 * The four service figures per month or per village, as stacked columns, drawn by uCharts
 * (@qiun/ucharts: maintained, draws on a plain canvas 2d context in WeChat and in the browser, and
 * lives only in this subpackage). No animation, so a screenshot shows the finished chart.
 */
import { Canvas, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import UCharts from '@qiun/ucharts'
import { useEffect } from 'react'
import type { StatsBreakdown } from '../../../services/api'

const ID = 'stats-chart'
const HEIGHT = 260
const SERIES = [
  { key: 'microServices', name: '微服务', color: '#0b5cad' },
  { key: 'requestsResolved', name: '解决诉求', color: '#2e8b57' },
  { key: 'disputesResolved', name: '化解纠纷', color: '#d98b00' },
  { key: 'patrolIssues', name: '摸排问题', color: '#a4001d' },
] as const

type Rows = StatsBreakdown['rows']

function draw(context: unknown, width: number, height: number, pixelRatio: number, rows: Rows) {
  new UCharts({
    type: 'column',
    context,
    width: width * pixelRatio,
    height: height * pixelRatio,
    pixelRatio,
    animation: false,
    dataLabel: false,
    background: '#ffffff',
    padding: [15, 10, 0, 5],
    fontSize: 12,
    categories: rows.map((r) => r.name),
    series: SERIES.map((s) => ({ name: s.name, color: s.color, data: rows.map((r) => r[s.key]) })),
    legend: { show: true, position: 'top' },
    xAxis: { disableGrid: true, rotateLabel: rows.length > 8 },
    yAxis: { data: [{ min: 0 }] },
    extra: { column: { type: 'stack', width: 18 } },
  })
}

function drawIn(rows: Rows) {
  const dpr = Taro.getSystemInfoSync().pixelRatio || 1
  if (process.env.TARO_ENV === 'h5') {
    const el = document.querySelector(`#${ID} canvas`) ?? document.querySelector(`canvas#${ID}`)
    if (!(el instanceof HTMLCanvasElement)) return
    const width = el.parentElement?.clientWidth || el.clientWidth || 320
    el.style.width = `${width}px`
    el.style.height = `${HEIGHT}px`
    el.width = width * dpr
    el.height = HEIGHT * dpr
    const ctx = el.getContext('2d')
    if (ctx) draw(ctx, width, HEIGHT, dpr, rows)
    return
  }
  Taro.createSelectorQuery()
    .select(`#${ID}`)
    .fields({ node: true, size: true })
    .exec((res) => {
      const node = res?.[0]?.node
      if (!node) return
      node.width = res[0].width * dpr
      node.height = res[0].height * dpr
      draw(node.getContext('2d'), res[0].width, res[0].height, dpr, rows)
    })
}

export default function ServicesChart({ rows, label }: { rows: Rows; label: string }) {
  useEffect(() => {
    // After the canvas is laid out.
    const t = setTimeout(() => drawIn(rows), 50)
    return () => clearTimeout(t)
  }, [rows])
  return (
    <View className="chart" aria-label={label} data-testid="stats-chart">
      <Canvas type="2d" id={ID} canvasId={ID} style={{ width: '100%', height: `${HEIGHT}px` }} />
    </View>
  )
}
