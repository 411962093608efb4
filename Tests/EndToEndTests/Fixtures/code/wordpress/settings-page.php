<?php
/**
 * Settings page of the «amoCRM для WordPress» plugin.
 */
if ( ! defined( 'ABSPATH' ) ) {
	exit;
}
$client_id = get_option( 'amo_client_id' );
?>
<div class="wrap">
	<h1><?php esc_html_e( 'amoCRM — настройки', 'amo-wp' ); ?></h1>
	<?php
	/*
	 * The old button, kept for reference:
	 * <script class="amocrm_oauth" data-client-id="xxxx" src="http://www.amocrm.ru/auth/button.min.js"></script>
	 */
	// echo '<script class="amocrm_oauth" data-client-id="xxxx"></script>'; ?>
	<!-- <script class="amocrm_oauth" data-color="pink"></script> -->
	<script
		class="amocrm_oauth"
		charset="utf-8"
		data-client-id="<?php echo esc_attr( $client_id ); ?>"
		data-title="Подключить"
		data-color="Violet"
		data-state="<?php echo esc_attr( wp_create_nonce( 'amo' ) ); ?>"
		src="https://www.amocrm.ru/auth/button.min.js"
	></script>
</div>
