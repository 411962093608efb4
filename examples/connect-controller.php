<?php
// A controller that prints the button from a string: the values computed in
// PHP are run-time parts; only the literal text is judged.
function amo_button(string $state): string
{
    /* Old snippet, kept for reference (dead code, not checked):
       echo '<script class="amocrm_oauth" data-client-id="xxxx"></script>'; ?> */
    return '<script class="amocrm_oauth" data-client-id="' . getenv('AMO_CLIENT_ID') . '"'
        . ' data-state="' . $state . '" data-mode="post-message"'
        . ' src="https://www.amocrm.ru/auth/button.min.js"></script>';
}
