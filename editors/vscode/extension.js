// amolint for VS Code: starts `amolint server` through vscode-languageclient
// for the languages that hold pages and templates. Settings (amolint.enable,
// amolint.rules) reach the server through workspace/configuration; amolint.path
// picks the executable; amolint.trace.server is handled by the client library.
'use strict';
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

const LANGUAGES = require('./package.json').activationEvents.map((e) => e.replace('onLanguage:', ''));
let client;

function createClient() {
  const config = vscode.workspace.getConfiguration('amolint');
  const command = config.get('path') || 'amolint';
  // TransportKind.stdio makes the client add `--stdio`, which the server accepts.
  const serverOptions = { command, args: ['server'], transport: TransportKind.stdio };
  const clientOptions = {
    documentSelector: LANGUAGES.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    initializationOptions: { enable: config.get('enable'), rules: config.get('rules') },
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/.amolint.json') },
  };
  return new LanguageClient('amolint', 'amolint', serverOptions, clientOptions);
}

async function restart() {
  if (client) await client.stop();
  client = createClient();
  await client.start();
}

async function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand('amolint.restart', restart),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('amolint.path')) restart();
    }),
  );
  try {
    await restart();
  } catch (error) {
    vscode.window.showErrorMessage(`amolint: cannot start \`${vscode.workspace.getConfiguration('amolint').get('path')} server\`: ${error.message}. Install amolint or set amolint.path.`);
  }
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
