'use client'

import { useEffect, useRef } from 'react'

// Кнопка «Подключить amoCRM» 🚀
export default function ConnectPage({ state }: { state: string }) {
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const script = document.createElement('script') as HTMLScriptElement
    script.className = 'amocrm_oauth'
    script.dataset.clientId = process.env.NEXT_PUBLIC_AMO_CLIENT_ID ?? ''
    script.dataset.state = state
    script.dataset.redirectUri = 'https://shop.ru/amo/callback'
    script.src = 'https://www.amocrm.ru/auth/button.min.js'
    box.current?.appendChild(script)
  }, [state])
  // <script className="amocrm_oauth" src="https://www.amocrm.ru/auth/button.min.js" /> never runs here
  return <div ref={box} title="a / b" />
}
