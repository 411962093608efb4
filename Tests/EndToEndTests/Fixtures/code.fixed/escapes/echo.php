<?php
// Фиксы внутри строк экранируют то, что вставляют 🧪
$s = $_SESSION['amo_state'];
echo "<script class=\"amocrm_oauth\" data-client-id=\"0b8a9e6e-5b8f-4c41-9a4f-2f6f0e1d2c3b\" data-state=\"$s\" src=\"https://www.amocrm.ru/auth/button.min.js\"></script>";
