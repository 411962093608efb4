// A single-page app builds the button in a lifecycle: too late, and with a typo.
import { useEffect } from 'react'

export function useAmoButton(box, state) {
  useEffect(() => {
    const s = document.createElement('script')
    s.className = 'amocrm_oauth'
    s.dataset.clientId = '0b8a9e6e-5b8f-4c41-9a4f-2f6f0e1d2c3b'
    s.dataset.state = state
    s.setAttribute('data-redirect-uri', 'https://shop.example.ru/amo/callback')
    s.src = 'https://www.amocrm.ru/auth/button.min.js'
    box.current.appendChild(s)
  }, [state])
}
