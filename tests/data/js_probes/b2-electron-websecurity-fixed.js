// probe: {"label": "secure", "cwes": ["CWE-693"], "batch": 2}
const { app, BrowserWindow, shell } = require("electron");

app.on("ready", () => {
  const viewer = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true },
  });
  viewer.loadURL(process.env.VIEWER_URL || "https://viewer.example.com");
  viewer.once("ready-to-show", () => viewer.show());
  viewer.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith("https://")) shell.openExternal(url);
    return { action: "deny" };
  });
});
