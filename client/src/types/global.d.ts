/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.jpg'
declare module '*.svg'
declare module '*.scss'
declare module '*.css'

declare namespace NodeJS {
  interface ProcessEnv {
    /** The platform being built: set by the Taro CLI and replaced by a constant in the bundle. */
    TARO_ENV?: 'weapp' | 'h5'
    /** CloudBase environment id for Taro.cloud.init in the weapp build ('' = the default env). */
    TARO_APP_CLOUD_ENV?: string
  }
}
