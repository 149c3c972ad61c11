// Dark mode is remembered per browser. The palette is the class on <html> (theme.css): App.razor's head sets it before
// the first paint, the layout's toggle button ([data-toggle-theme]) flips it here, on static and interactive pages alike
// (its icon follows the class through CSS).
window.labelErrorsTheme = {
  isDark: () => localStorage.getItem("labelerrors-theme") === "dark",
  setDark: (dark) => {
    localStorage.setItem("labelerrors-theme", dark ? "dark" : "light");
    document.documentElement.classList.toggle("theme-dark", dark);
  },
};
document.addEventListener("click", (e) => {
  if (e.target.closest && e.target.closest("[data-toggle-theme]")) window.labelErrorsTheme.setDark(!window.labelErrorsTheme.isDark());
});
