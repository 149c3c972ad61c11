// Keyboard shortcuts and the copy-link button. Plain DOM code over data attributes, so both work on the prerendered
// page before (or without) the Blazor circuit: ← → / j k follow [data-shortcut=prev|next], "/" focuses the search
// field, "?" opens the list of shortcuts.
window.labelErrorsBrowse = {
  // Called by MainLayout once the circuit has rendered: tests (and styles) can tell the page is interactive.
  markInteractive: () => document.documentElement.setAttribute("data-interactive", "true"),
  // Called by the gallery's filter island once it follows the page's view (its query string, "" for the default).
  markFilterView: (query) => document.documentElement.setAttribute("data-filter-view", query),
  // Called by the permalink's vote island once it is ready for the page it shows (its example's path): the answer a
  // visitor clicked before that, if it was for this page, and forgets it.
  takePendingVote: (path) => {
    const vote = pendingVote;
    pendingVote = null;
    return vote && vote.path === path ? vote.answer : null;
  },
};

// A vote clicked before the vote island can send it (no circuit yet, or the island still shows the previous page
// after an enhanced navigation: its buttons would vote for that example) is kept here for the island, not lost.
// The page's own example is its canonical link; the island says which example it shows (data-for) and when it is
// ready (data-ready). Capturing on window runs before Blazor's own click handling, which it then skips.
let pendingVote = null;
window.addEventListener("click", (e) => {
  const button = e.target.closest && e.target.closest('#visitor-votes button[id^="vote-"]');
  const island = button && button.closest("#visitor-votes");
  const canonical = document.querySelector('link[rel="canonical"]');
  if (!island || !canonical || button.id === "vote-heard_labels") return;
  const path = new URL(canonical.href).pathname;
  if (island.dataset.ready === "true" && island.dataset.for === path) return;
  e.stopImmediatePropagation();
  e.preventDefault();
  pendingVote = { path, answer: button.id.slice("vote-".length) };
}, true);

(() => {
  const typing = (el) => el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));

  // A key that arrives while a static page's enhanced navigation (a previous key, a link, a filter change) is on its
  // way waits for it to end: until then the document still holds the old page's links, and following them would
  // repeat the first step (the key would be lost). An interactive page's router fires neither event: keys there
  // follow the links its circuit has rendered.
  const queue = [];
  let pending = false;
  const navigate = (href) => {
    if (window.Blazor && typeof window.Blazor.navigateTo === "function") window.Blazor.navigateTo(href);
    else window.location.assign(href);
  };
  window.labelErrorsBrowse.navigate = navigate;
  if (window.Blazor && typeof window.Blazor.addEventListener === "function") {
    window.Blazor.addEventListener("enhancednavigationstart", () => { pending = true; });
    // Not fired for a navigation a newer one aborted: the newer one's end comes instead.
    window.Blazor.addEventListener("enhancednavigationend", () => {
      pending = false;
      while (queue.length && !pending) handle(queue.shift());
    });
  }

  const follow = (name) => {
    const link = document.querySelector(`[data-shortcut="${name}"]`);
    if (!link || link.hasAttribute("disabled") || link.getAttribute("aria-disabled") === "true") return false;
    // Navigate through Blazor's own router rather than a synthetic click: a click that lands while the circuit is
    // still attaching its link interception can be swallowed, and the key press is lost.
    const href = link.getAttribute("href");
    if (!href) { link.click(); return true; }
    navigate(href);
    return true;
  };

  // The visible search field (the gallery's filter form and its island each have one; one is hidden).
  const searchField = () => [...document.querySelectorAll('[data-shortcut="search"] input, input[data-shortcut="search"], #search input, input#search')]
    .find((el) => el.offsetParent !== null);

  // What a key does; a step to a neighbour waits while a page is on its way.
  const handle = (key) => {
    const dialog = document.getElementById("shortcuts");
    switch (key) {
      case "ArrowLeft": case "k": case "ArrowRight": case "j":
        if (pending) { queue.push(key); return true; }
        return follow(key === "ArrowLeft" || key === "k" ? "prev" : "next");
      case "/": {
        const search = searchField();
        if (search) { search.focus(); return true; }
        return false;
      }
      case "?":
        if (dialog) { dialog.showModal(); return true; }
        return false;
    }
    return false;
  };

  const ignored = (e) => e.ctrlKey || e.metaKey || e.altKey || typing(e.target) || typing(document.activeElement)
    || document.getElementById("shortcuts")?.open;
  document.addEventListener("keydown", (e) => {
    if (ignored(e)) return;
    if (handle(e.key)) e.preventDefault();
  });
  // Keys pressed before this script ran (the page was on screen, its scripts still loading): App.razor's head keeps them.
  if (window.labelErrorsEarlyKeys) {
    removeEventListener("keydown", window.labelErrorsEarlyKeys.listener);
    for (const e of window.labelErrorsEarlyKeys.keys) if (!ignored(e)) handle(e.key);
  }

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
