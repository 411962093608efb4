<?php
use yii\helpers\Html;
use yii\helpers\Url;

/** @var yii\web\View $this */
/** @var string $state */

$this->title = 'Интеграция с amoCRM 🤝';
echo Html::tag('h1', Html::encode($this->title));
echo '<div class="amocrm_oauth" data-name="Yii CRM" data-description="Синхронизация заявок"'
    . ' data-redirect_uri="' . Url::to(['amo/callback'], 'https') . '"'
    . ' data-secrets_uri="https://crm.yii-shop.ru/amo/secrets"'
    . ' data-scopes="crm, notifications"'
    . ' data-state="' . Html::encode($state) . '"></div>';
echo '<script src="https://www.amocrm.ru/auth/button.min.js"></script>';
