// Dark mode is remembered per browser; MainLayout reads and writes it through JS interop. The palette is the class on
// <html> (theme.css): App.razor's head sets it before the first paint, setDark when the visitor toggles it.
window.labelErrorsTheme = {
  isDark: () => localStorage.getItem("labelerrors-theme") === "dark",
  setDark: (dark) => {
    localStorage.setItem("labelerrors-theme", dark ? "dark" : "light");
    document.documentElement.classList.toggle("theme-dark", dark);
  },
};
