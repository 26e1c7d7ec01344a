// Tiny stand-ins for @tarojs/components in jsdom tests: plain DOM elements, Taro-style input events.
import { createElement, type ReactNode } from 'react'

type Props = { children?: ReactNode; className?: string; onClick?: (e: unknown) => void; [k: string]: unknown }

const PASS = /^(data-|aria-)|^(className|style|id|onClick|disabled|placeholder|value|src|type|maxLength|role|onBlur|checked)$/

function host(tag: string, extra?: Record<string, unknown>) {
  return function Stub(props: Props) {
    const out: Record<string, unknown> = { ...extra }
    for (const [k, v] of Object.entries(props)) if (PASS.test(k) && k !== 'children') out[k] = v
    // Taro passes the typed text as e.detail.value.
    const onInput = props.onInput as ((e: { detail: { value: string } }) => void) | undefined
    if (onInput) out.onChange = (e: { target: { value: string } }) => onInput({ detail: { value: e.target.value } })
    else if (tag === 'input' || tag === 'textarea') out.readOnly = true
    if (tag === 'input' || tag === 'textarea' || tag === 'img') return createElement(tag, out)
    return createElement(tag, out, props.children)
  }
}

export const View = host('div')
export const Text = host('span')
export const Button = host('button', { type: 'button' })
export const Image = host('img')
export const Input = host('input')
export const Textarea = host('textarea')
export const ScrollView = host('div')
export const Swiper = host('div')
export const SwiperItem = host('div')
export const Label = host('label')
export const Checkbox = host('input', { type: 'checkbox' })
export const Form = host('form')
export const Picker = host('div')
export const Navigator = host('a')
export const Canvas = host('canvas')
export const Map = host('div', { 'data-map': 'true' })
