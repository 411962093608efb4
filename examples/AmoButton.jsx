import React from 'react';

export function AmoButton({ clientId, state }) {
  for (let i = 0; i < 3; i++) console.log(i);
  return (
    <div className="amocrm-box">
      <script
        className="amocrm_oauth"
        data-client-id={clientId}
        data-state={state}
        data-title="Войти через amoCRM"
        src="https://www.amocrm.ru/auth/button.min.js"
      />
    </div>
  );
}
