/**
 * Taro build configuration. The Taro project is rooted at client/ (run the CLI with cwd client/,
 * see scripts/build-client.mjs); output goes to <repo>/build/<weapp|h5>.
 */
import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'

const repoRoot = path.resolve(__dirname, '..', '..')
const sharedDir = path.join(repoRoot, 'shared')
const target = process.env.TARO_ENV === 'h5' ? 'h5' : 'weapp'

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'yiwang',
    // Must be a real value: an empty `date` fails Taro's config check and then nothing is built.
    date: '2026-11-25',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: path.relative(path.resolve(__dirname, '..'), path.join(repoRoot, 'build', target)),
    plugins: [path.resolve(__dirname, 'weapp-components-plugin.js')],
    alias: {
      '@shared': sharedDir,
    },
    env: {
      // The CloudBase environment id used by Taro.cloud.init in the weapp build ('' = default env).
      TARO_APP_CLOUD_ENV: JSON.stringify(process.env.TARO_APP_CLOUD_ENV || ''),
    },
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      // shared/ lives outside sourceRoot: let Taro's babel-loader compile it (TypeScript) too.
      compile: { include: [sharedDir] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
    h5: {
      compile: { include: [sharedDir] },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      // The entry is ~300 KB (React + Taro runtime); webpack's 244 KB web hint is noise here.
      webpackChain(chain) {
        chain.performance.hints(false)
      },
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        // 1rem = 16px at every width, like the weapp default: the dev browser shows what a phone shows.
        pxtransform: { enable: true, config: { baseFontSize: 16, minRootSize: 16, maxRootSize: 16 } },
        autoprefixer: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
  }

  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
