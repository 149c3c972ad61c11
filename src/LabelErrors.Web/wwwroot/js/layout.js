// The layout's drawer toggle, as plain DOM code: MainLayout is markup with MudDrawer's classes, so the button works on
// statically rendered pages (no circuit) and interactive ones alike. Below 960 px the drawer starts hidden
// (MudBlazor's mud-drawer--initial rule) and opens over the page with a dimming overlay (.drawer-scrim) that closes it
// when clicked, as MudDrawer's did; Esc closes it too. Above, it pushes the content.
(() => {
  const wide = () => window.matchMedia("(min-width: 960px)").matches;
  const shown = (drawer) => drawer.classList.contains("mud-drawer--open") && (wide() || !drawer.classList.contains("mud-drawer--initial"));
  const toggle = () => {
    const drawer = document.getElementById("app-drawer");
    const layout = document.getElementById("app-layout");
    if (!drawer || !layout) return;
    const open = !shown(drawer);
    drawer.classList.remove("mud-drawer--initial");
    drawer.classList.toggle("mud-drawer--open", open);
    drawer.classList.toggle("mud-drawer--closed", !open);
    layout.classList.toggle("mud-drawer-open-responsive-md-left", open);
    document.querySelector('[aria-controls="app-drawer"]')?.setAttribute("aria-expanded", String(open));
    const scrim = document.querySelector(".drawer-scrim");
    if (scrim) scrim.hidden = !open || wide();
  };
  document.addEventListener("click", (e) => {
    if (e.target.closest && e.target.closest("[data-toggle-drawer]")) toggle();
  });
  document.addEventListener("keydown", (e) => {
    const scrim = document.querySelector(".drawer-scrim");
    if (e.key === "Escape" && scrim && !scrim.hidden) toggle();
  });
})();
