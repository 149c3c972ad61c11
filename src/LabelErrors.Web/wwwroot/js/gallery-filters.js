// The study gallery's server-rendered filter form (GalleryFilterForm), usable before the filter island's circuit is up.
// A change navigates to the same canonical URL as the island (ExampleQuery.ToQueryString: its key order, defaults
// left out as the form's "" values, the same escaping). Plain DOM code, delegated from the document, so it survives
// enhanced navigations.
(() => {
  // ExampleQuery.ToQueryString's key order (the study gallery's keys).
  const order = ["scope", "agree", "k", "given_lt", "consensus", "given", "guessed", "q", "disputed", "sort", "size"];
  // Uri.EscapeDataString keeps only RFC 3986's unreserved characters; ExampleQuery then keeps "," and writes " " as "+".
  const escape = (value) => encodeURIComponent(value)
    .replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase())
    .replace(/%2C/g, ",").replace(/%20/g, "+");

  const viewOf = (form) => {
    const data = new FormData(form);
    const pairs = [];
    for (const key of order) {
      const values = data.getAll(key).map((v) => String(v).trim()).filter((v) => v !== "" && !(key === "k" && v === "0"));
      if (values.length) pairs.push(`${key}=${escape(values.join(","))}`);
    }
    return pairs.length ? "?" + pairs.join("&") : "";
  };

  // The view last asked for from this page (the server's view until a change): a change made while that page is
  // still on its way builds on the form's state, which already holds the earlier change.
  const go = (form) => {
    const view = viewOf(form);
    if (view === (form.dataset.requested ?? form.dataset.view)) return;
    form.dataset.requested = view;
    window.labelErrorsBrowse.navigate(`/d/${form.dataset.slug}${view}`);
  };

  // Class names by slug, fetched once: the datalist is filled on focus (an enhanced navigation empties it again).
  const classes = new Map();
  const classesOf = (slug) => {
    if (!classes.has(slug)) {
      classes.set(slug, fetch(`/api/v1/datasets/${encodeURIComponent(slug)}`)
        .then((r) => (r.ok ? r.json() : { classes: [] }))
        .then((d) => {
          const seen = new Map();
          for (const c of d.classes) seen.set(c.name, (seen.get(c.name) ?? 0) + 1);
          // A name two classes share (ImageNet's two cranes) gets its index.
          return d.classes.map((c) => ({ index: c.index, value: seen.get(c.name) > 1 ? `${c.name} (${c.index})` : c.name }))
            .sort((a, b) => a.value.localeCompare(b.value, undefined, { sensitivity: "base" }));
        })
        .catch(() => { classes.delete(slug); return []; }));
    }
    return classes.get(slug);
  };
  const fillClasses = async (form) => {
    const list = form.querySelector("#sf-classes");
    if (!list || list.options.length) return;
    const all = await classesOf(form.dataset.slug);
    if (!list.options.length) list.replaceChildren(...all.map((c) => Object.assign(document.createElement("option"), { value: c.value })));
  };

  // A class field's text becomes its hidden index; an unknown name says so and changes nothing.
  const pickClass = async (form, input) => {
    const hidden = form.querySelector(`input[type=hidden][name="${input.dataset.classOf}"]`);
    const text = input.value.trim().toLowerCase();
    input.setCustomValidity("");
    if (text === "") { hidden.value = ""; return true; }
    const match = (await classesOf(form.dataset.slug)).find((c) => c.value.toLowerCase() === text);
    if (!match) {
      input.setCustomValidity("Pick a class from the list");
      input.reportValidity();
      return false;
    }
    hidden.value = String(match.index);
    return true;
  };

  document.addEventListener("focusin", (e) => {
    const form = e.target.closest && e.target.closest("#filters-static");
    if (form && e.target.matches("[data-class-of]")) fillClasses(form);
  });
  document.addEventListener("input", (e) => {
    if (e.target.matches && e.target.matches('#filters-static input[name="k"]')) {
      const shown = e.target.closest("label").querySelector("b");
      if (shown) shown.textContent = e.target.value;
    }
  });
  // The consensus list stays open across the navigations its boxes make (the new page arrives with it closed).
  let reopen = false;
  window.Blazor?.addEventListener?.("enhancednavigationend", () => {
    const list = document.querySelector("#filters-static .sf-multi");
    if (reopen && list) list.open = true;
    reopen = false;
  });
  document.addEventListener("change", async (e) => {
    const form = e.target.closest && e.target.closest("#filters-static");
    if (!form) return;
    reopen = !!e.target.closest(".sf-multi");
    if (e.target.matches("[data-class-of]") && !(await pickClass(form, e.target))) return;
    go(form);
  });
  // Enter in a text field submits: the same navigation, without the non-canonical GET.
  document.addEventListener("submit", (e) => {
    if (e.target.id !== "filters-static") return;
    e.preventDefault();
    go(e.target);
  });

  // A change made before this script ran (the page was on screen, its scripts still loading) had no listener: the
  // form holds it, so follow it now.
  const form = document.getElementById("filters-static");
  if (form && viewOf(form) !== form.dataset.view) go(form);
})();
