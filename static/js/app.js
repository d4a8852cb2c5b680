// Staff pages: mark that JavaScript runs, so the collapsible menu may start closed.
document.documentElement.classList.remove("no-js");
