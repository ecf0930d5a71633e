/** @qiun/ucharts ships no types: the slice the stats chart uses. */
declare module '@qiun/ucharts' {
  export interface UChartsOptions {
    type: 'column' | 'line' | 'bar' | 'pie'
    context: unknown
    width: number
    height: number
    pixelRatio: number
    categories: string[]
    series: Array<{ name: string; data: number[]; color?: string }>
    animation?: boolean
    dataLabel?: boolean
    background?: string
    color?: string[]
    padding?: number[]
    fontSize?: number
    legend?: Record<string, unknown>
    xAxis?: Record<string, unknown>
    yAxis?: Record<string, unknown>
    extra?: Record<string, unknown>
  }
  export default class UCharts {
    constructor(options: UChartsOptions)
  }
}
