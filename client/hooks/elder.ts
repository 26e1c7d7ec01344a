// 长辈版 on or off, shared by every page of the stack: a change on one page reaches the others at once.
import { useEffect, useState } from 'react'
import { fontScale, isElder, onElderChange, setElder } from '../services/elder'

export function useElder(): { on: boolean; scale: number; set: (on: boolean) => void } {
  const [on, setOn] = useState(isElder)
  const [scale] = useState(fontScale)
  useEffect(() => onElderChange(setOn), [])
  return { on, scale, set: setElder }
}
