<?php
// Имя атрибута разрезано конкатенацией: исправления нет 🧪
echo '<div class="amocrm_oauth" data-client-id="0b8a9e6e-5b8f-4c41-9a4f-2f6f0e1d2c3b" data-state="' . $s . '" data-redirect-'
    . 'uri="https://shop.ru/cb"></div>';
