// probe: {"label": "vulnerable", "cwes": ["CWE-693"], "batch": 2}
const { app, BrowserWindow, shell } = require("electron");

app.on("ready", () => {
  const viewer = new BrowserWindow({
    show: false,
    webPreferences: { webSecurity: false, sandbox: false, allowRunningInsecureContent: true },
  });
  viewer.loadURL(process.env.VIEWER_URL || "https://viewer.example.com");
  viewer.once("ready-to-show", () => viewer.show());
  viewer.webContents.setWindowOpenHandler(({ url }) => {
    shell.openExternal(url);
    return { action: "deny" };
  });
});
