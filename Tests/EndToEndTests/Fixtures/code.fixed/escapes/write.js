document.write(`<div class="kommo_oauth" data-client-id="${id}" data-state="${state}" data-theme="dark"></div>
<script src="https://www.kommo.com/auth/button.js"></script>`);
