<?php
$clientId = getenv('AMO_CLIENT_ID');
$state = bin2hex(random_bytes(16));
$_SESSION['amo_state'] = $state;
?>
<section class="integrations">
  <h2>amoCRM</h2>
  <?php if ($user->canConnect()): ?>
    <script
      class="amocrm_oauth"
      data-client-id="<?= $clientId ?>"
      data-name="Shop connector"
      data-title="<b>Connect</b> amoCRM"
      data-color="<?= $user->prefersDark() ? 'violet' : 'default' ?>"
      data-state="<?= $state ?>"
      data-error-callback="handleAmoError()"
      src="http://www.amocrm.ru/auth/button.min.js"
    ></script>
  <?php endif; ?>
</section>
