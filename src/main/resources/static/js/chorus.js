// Small glue for every page: CSRF header on htmx requests, menus that submit on change.
document.addEventListener('htmx:configRequest', function (event) {
  var header = document.querySelector('meta[name="csrf-header"]');
  var token = document.querySelector('meta[name="csrf-token"]');
  if (header && token) {
    event.detail.headers[header.content] = token.content;
  }
});
document.addEventListener('change', function (event) {
  var target = event.target;
  if (target.matches && target.matches('select[data-autosubmit]') && target.form) {
    target.form.submit();
  }
});
document.addEventListener('click', function (event) {
  var target = event.target.closest ? event.target.closest('[data-confirm]') : null;
  if (target && !window.confirm(target.getAttribute('data-confirm'))) {
    event.preventDefault();
  }
});
