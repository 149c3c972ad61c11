// Dark mode is remembered per browser; MainLayout reads and writes it through JS interop.
window.labelErrorsTheme = {
  isDark: () => localStorage.getItem("labelerrors-theme") === "dark",
  setDark: (dark) => localStorage.setItem("labelerrors-theme", dark ? "dark" : "light"),
};
