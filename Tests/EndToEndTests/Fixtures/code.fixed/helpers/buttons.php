<?php
// Кнопки amoCRM и Kommo для шаблонов 🔐

function amo_button(string $clientId, string $state): string
{
    return <<<HTML
        <script class="amocrm_oauth"
                data-client-id="{$clientId}"
                data-state="{$state}"
                data-compact="true"
                src="https://www.amocrm.ru/auth/button.min.js"></script>
        HTML;
}

function kommo_button(): string
{
    return <<<'HTML'
    <script class="kommo_oauth" data-client-id="YOUR_CLIENT_ID" data-state="fixed" data-theme="dark" src="https://www.kommo.com/auth/button.js"></script>
    HTML;
}
