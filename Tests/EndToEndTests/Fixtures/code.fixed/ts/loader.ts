interface AmoOptions { clientId: string; state: string; container: HTMLElement }

// Монтирует кнопку в контейнер 🧩
export function mountAmoButton({ clientId, state, container }: AmoOptions): HTMLScriptElement {
  const el = document.createElement('script') as HTMLScriptElement;
  el.classList.add('amocrm_oauth');
  el.dataset.clientId = clientId;
  el.dataset.state = state;
  el.dataset.mode = 'popup';
  el.dataset['compact'] = 'true';
  el.src = `https://www.amocrm.ru/auth/button.min.js?v=${Date.now()}`;
  container.appendChild(el);
  return el;
}
