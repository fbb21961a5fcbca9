// Small glue for every page: CSRF header on htmx requests, menus that submit on change, confirmations, and the
// composer's "customise" boxes, which start from the message as it is when first opened.
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
document.addEventListener('toggle', function (event) {
  var details = event.target;
  if (!details.matches || !details.matches('details[data-starts-from]') || !details.open) {
    return;
  }
  var field = details.querySelector('textarea');
  var source = document.getElementById(details.getAttribute('data-starts-from'));
  if (field && source && field.value === '') {
    field.value = source.value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  }
}, true);
