// The VS Code client for pmf-lsp: starts the language server for .pmf files and restarts it
// on request. Everything the editor knows about a spec comes from the server.
"use strict";

const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function serverPath() {
  return vscode.workspace.getConfiguration("pmf").get("server.path") || "pmf-lsp";
}

async function start(context) {
  const command = serverPath();
  client = new LanguageClient(
    "pmf",
    "PMF",
    { run: { command }, debug: { command } },
    {
      documentSelector: [{ scheme: "file", language: "pmf" }, { scheme: "untitled", language: "pmf" }],
      synchronize: {
        fileEvents: vscode.workspace.createFileSystemWatcher("**/*.pmf"),
      },
    }
  );
  try {
    await client.start();
  } catch (e) {
    vscode.window.showErrorMessage(
      `PMF: could not start the language server \`${command}\` (${e.message || e}). ` +
        "Build it with `cargo build --release -p pmf-lsp` and put target/release on PATH, " +
        "or set the setting pmf.server.path to the program."
    );
  }
}

async function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand("pmf.restartServer", async () => {
      if (client) {
        await client.stop();
      }
      await start(context);
    })
  );
  await start(context);
}

async function deactivate() {
  if (client) {
    await client.stop();
  }
}

module.exports = { activate, deactivate };
