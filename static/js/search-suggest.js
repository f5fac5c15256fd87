/* Type-ahead for the search boxes: the ARIA 1.2 combobox pattern (list autocomplete).
   Progressive enhancement: without this file the forms submit to /search/ as usual. Its words come from the
   form's data attributes (templates/search/suggest_attributes.html), in the page's language. */
(function () {
  "use strict";
  var counter = 0;

  function enhance(form) {
    var input = form.querySelector("input[name=q]");
    if (!input) { return; }
    counter += 1;
    var listId = "search-suggestions-" + counter;
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "search-suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", form.dataset.suggestionsLabel);
    list.hidden = true;
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("aria-live", "polite");
    form.appendChild(list);
    form.appendChild(status);
    form.classList.add("has-suggestions");
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    var active = -1;
    var timer = null;
    var latest = 0;

    function options() { return list.querySelectorAll("[role=option]"); }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      var items = options();
      if (!items.length) { return; }
      active = (index + items.length) % items.length;
      for (var i = 0; i < items.length; i += 1) {
        items[i].setAttribute("aria-selected", i === active ? "true" : "false");
      }
      input.setAttribute("aria-activedescendant", items[active].id);
    }

    function show(suggestions) {
      list.textContent = "";
      suggestions.forEach(function (item, index) {
        var option = document.createElement("li");
        option.id = listId + "-" + index;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.dataset.url = item.url;
        option.textContent = item.title;
        option.addEventListener("mousedown", function (event) {
          event.preventDefault();
          window.location.href = item.url;
        });
        list.appendChild(option);
      });
      active = -1;
      input.removeAttribute("aria-activedescendant");
      if (suggestions.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
        status.textContent = suggestions.length === 1 ? form.dataset.oneSuggestion :
          form.dataset.manySuggestions.replace("{count}", String(suggestions.length));
      } else {
        close();
        status.textContent = "";
      }
    }

    function fetchSuggestions() {
      var query = input.value.trim();
      if (query.length < 2) { show([]); return; }
      var ticket = latest += 1;
      fetch(form.dataset.suggestUrl + "?q=" + encodeURIComponent(query), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) { if (ticket === latest) { show(data.suggestions || []); } })
        .catch(function () { show([]); });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, 120);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (list.hidden) { return; }
        event.preventDefault();
        highlight(active + (event.key === "ArrowDown" ? 1 : -1));
      } else if (event.key === "Enter" && active >= 0 && !list.hidden) {
        event.preventDefault();
        window.location.href = options()[active].dataset.url;
      } else if (event.key === "Escape" && !list.hidden) {
        event.preventDefault();
        close();
      }
    });
    input.addEventListener("blur", close);
  }

  document.querySelectorAll("form[data-suggest-url]").forEach(enhance);
}());
