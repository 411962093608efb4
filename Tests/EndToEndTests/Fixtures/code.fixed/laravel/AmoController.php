<?php

namespace App\Http\Controllers;

use Illuminate\Http\Request;

class AmoController extends Controller
{
    // Кнопка «Подключить amoCRM» 🚀: the state is per session, the id comes from config.
    public function button(Request $request)
    {
        $state = bin2hex(random_bytes(16));
        $request->session()->put('amo_state', $state);

        return response('<script class="amocrm_oauth" charset="utf-8"'
            . ' data-client-id="' . config('services.amocrm.client_id') . '"'
            . ' data-title="Подключить amoCRM"'
            . ' data-state="' . $state . '"'
            . ' data-mode="post_message"'
            . ' src="https://www.amocrm.ru/auth/button.min.js"></script>');
    }

    /* The metadata variant, for new installations:
       echo '<div class="amocrm_oauth" data-name="x"></div>'; ?> still a comment */
    public function external(Request $request): string
    {
        $host = $request->getHost();
        return "<div class=\"amocrm_oauth\" data-name=\"Laravel CRM\" data-description=\"Заявки с сайта\""
            . " data-redirect_uri=\"https://{$host}/amo/callback\" data-secrets_uri=\"https://$host/amo/secrets\""
            . " data-scopes=\"crm,notifications\" data-logo=\"https://{$host}/logo.png\""
            . " data-state=\"{$request->session()->get('amo_state')}\"></div>";
    }
}
