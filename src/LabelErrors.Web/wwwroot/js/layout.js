// The layout's drawer toggle, as plain DOM code: MainLayout is markup with MudDrawer's classes, so the button works on
// statically rendered pages (no circuit) and interactive ones alike. Below 960 px the drawer starts hidden
// (MudBlazor's mud-drawer--initial rule) and opens over the page; above, it pushes the content.
(() => {
  const wide = () => window.matchMedia("(min-width: 960px)").matches;
  document.addEventListener("click", (e) => {
    if (!e.target.closest || !e.target.closest("[data-toggle-drawer]")) return;
    const drawer = document.getElementById("app-drawer");
    const layout = document.getElementById("app-layout");
    if (!drawer || !layout) return;
    const shown = drawer.classList.contains("mud-drawer--open") && (wide() || !drawer.classList.contains("mud-drawer--initial"));
    drawer.classList.remove("mud-drawer--initial");
    drawer.classList.toggle("mud-drawer--open", !shown);
    drawer.classList.toggle("mud-drawer--closed", shown);
    layout.classList.toggle("mud-drawer-open-responsive-md-left", !shown);
    e.target.closest("[data-toggle-drawer]").setAttribute("aria-expanded", String(!shown));
  });
})();
