// The mini-program scans with Taro.scanCode (see index.tsx): no camera preview of its own, and no jsqr in its bundle.
export function CameraScan(_props: { onCode: (text: string) => void; busy?: boolean }) {
  return null
}
