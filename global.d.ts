/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.gif'
declare module '*.jpg'
declare module '*.svg'
declare module '*.css'
declare module '*.scss'

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV?: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'rn' | 'harmony' | 'jdrn'
  }
}

// Baked in at build time by config/client-env.ts (the mini-program runtime has no process.env).
/** 'h5': same-origin gateway; 'cloud': wx.cloud.callFunction; 'https': the HTTPS gateway at WU_API_BASE. */
declare const WU_TRANSPORT: 'h5' | 'cloud' | 'https'
declare const WU_API_BASE: string
declare const WU_CLOUD_ENV: string
/** Whether the login page offers dev: codes (never in a weapp production build). */
declare const WU_DEV_LOGIN: boolean
