import type { UserConfigExport } from '@tarojs/cli'

export default {
  // Plain log lines (no animated progress bar): builds run in scripts and CI logs.
  logger: { quiet: true, stats: false },
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>
