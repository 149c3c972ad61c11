// Keyboard shortcuts and the copy-link button. Plain DOM code over data attributes, so both work on the prerendered
// page before (or without) the Blazor circuit: ← → / j k follow [data-shortcut=prev|next], "/" focuses the search
// field, "?" opens the list of shortcuts.
window.labelErrorsBrowse = {
  // Called by MainLayout once the circuit has rendered: tests (and styles) can tell the page is interactive.
  markInteractive: () => document.documentElement.setAttribute("data-interactive", "true"),
  // Called by the gallery's filter island once it follows the page's view (its query string, "" for the default).
  markFilterView: (query) => document.documentElement.setAttribute("data-filter-view", query),
};

(() => {
  const typing = (el) => el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));

  const follow = (name) => {
    const link = document.querySelector(`[data-shortcut="${name}"]`);
    if (!link || link.hasAttribute("disabled") || link.getAttribute("aria-disabled") === "true") return false;
    // Navigate through Blazor's own router rather than a synthetic click: a click that lands while the circuit is
    // still attaching its link interception can be swallowed, and the key press is lost.
    const href = link.getAttribute("href");
    if (!href) { link.click(); return true; }
    if (window.Blazor && typeof window.Blazor.navigateTo === "function") window.Blazor.navigateTo(href);
    else window.location.assign(href);
    return true;
  };

  document.addEventListener("keydown", (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || typing(document.activeElement)) return;
    const dialog = document.getElementById("shortcuts");
    if (dialog && dialog.open) return;
    let handled = false;
    switch (e.key) {
      case "ArrowLeft": case "k": handled = follow("prev"); break;
      case "ArrowRight": case "j": handled = follow("next"); break;
      case "/": {
        const search = document.querySelector('[data-shortcut="search"] input, input[data-shortcut="search"], #search input, input#search');
        if (search) { search.focus(); handled = true; }
        break;
      }
      case "?":
        if (dialog) { dialog.showModal(); handled = true; }
        break;
    }
    if (handled) e.preventDefault();
  });

  document.addEventListener("click", async (e) => {
    const button = e.target.closest && e.target.closest("[data-copy]");
    if (button) {
      const url = button.getAttribute("data-copy");
      const status = document.getElementById("copy-status");
      try {
        await navigator.clipboard.writeText(url);
        if (status) status.textContent = "Link copied";
      } catch {
        if (status) status.textContent = url;
        window.prompt("Copy this link:", url);
      }
      return;
    }
    if (e.target.closest && e.target.closest("[data-open-shortcuts]")) {
      document.getElementById("shortcuts")?.showModal();
      return;
    }
    const close = e.target.closest && e.target.closest("[data-close-dialog]");
    if (close) close.closest("dialog")?.close();
  });
})();
