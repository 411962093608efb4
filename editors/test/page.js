// Кнопка «Подключить amoCRM» 🚀 — a button built in code, for the editor checks.
const box = document.getElementById('amo') // 👩‍💻
box.innerHTML = '<div class="amocrm_oauth" data-client-id="0b8a9e6e-5b8f-4c41-9a4f-2f6f0e1d2c3b" data-color="Blue" data-state="' + state + '"></div>'
document.addEventListener('DOMContentLoaded', () => {
  const s = document.createElement('script')
  s.dataset.mode = 'post-message' /* «popup» was meant */
  s.src = 'https://www.amocrm.ru/auth/button.min.js'
  document.head.appendChild(s)
})
