/* global jQuery — кнопка amoCRM */
(function ($) {
  'use strict';
  var ratio = 100 / 3 / 2, pattern = /"amocrm_oauth"|'/g;
  $(function () {
    var $box = $('#amo-button');
    var script = document.createElement('script');
    script.type = 'text/javascript';
    script.charset = 'utf-8';
    script.className = 'amocrm_oauth';
    script.setAttribute('data-client-id', $box.data('client'));
    script.setAttribute('data-scopes', 'crm,notifications');
    script.setAttribute('data-color', 'orange');
    script.setAttribute('data-state', $box.data('state'));
    script.src = '//www.amocrm.ru/auth/button.min.js';
    $box.append(script);
  });
})(jQuery);
