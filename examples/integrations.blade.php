@extends('layouts.app')

@section('content')
  <h2>{{ __('Подключение amoCRM') }}</h2>
  <script
    class="amocrm_oauth"
    data-name="{{ config('app.name') }}"
    data-description="{{ __('Сделки и контакты из вашего магазина') }}"
    data-redirect_uri="{{ route('amocrm.callback') }}"
    data-secrets_uri="https://{{ request()->getHost() }}/amocrm/secrets?shop={{ $shop->id }}&sig={{ $sig }}"
    data-scopes="crm,notifications,crm"
    @if($shop->logo_url) data-logo="{{ $shop->logo_url }}" @endif
    data-state="{{ session('amo_state') }}"
    {{-- amolint-disable-next-line invalid-mode --}}
    data-mode="redirect"
    src="https://www.amocrm.ru/auth/button.min.js"
  ></script>
@endsection
