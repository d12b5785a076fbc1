// The portal's own behaviour, loaded from a file: the Content-Security-Policy allows no inline script.

// The language menu changes the language as soon as a language is chosen.
document.addEventListener("DOMContentLoaded", function () {
  var select = document.getElementById("language-select");
  if (select) {
    select.addEventListener("change", function () {
      select.form.submit();
    });
  }
});
