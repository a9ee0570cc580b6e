// probe: {"label": "secure", "cwes": ["CWE-693"], "batch": 1}
const { app, BrowserWindow } = require("electron");
const path = require("path");

function createWindow() {
  const win = new BrowserWindow({
    width: 1100,
    height: 720,
    webPreferences: {
      nodeIntegration: false,
      contextIsolation: true,
      sandbox: true,
      preload: path.join(__dirname, "preload.js"),
    },
  });
  win.loadURL("https://docs.example.com/viewer");
}

app.whenReady().then(createWindow);
app.on("window-all-closed", () => app.quit());
