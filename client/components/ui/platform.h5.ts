// H5 only: rem from the browser's font size, the page language and visible keyboard focus.
import './ui-h5.css'

if (typeof document !== 'undefined') document.documentElement.lang = 'zh-CN'
