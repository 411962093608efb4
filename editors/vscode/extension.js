// amolint for VS Code: starts `amolint server` through vscode-languageclient 9
// for the languages named in package.json's activationEvents.
//
// Settings: amolint.enable and amolint.rules go to the server in the
// initialization options, and on every change through
// workspace/didChangeConfiguration (synchronize.configurationSection), after
// which the server asks for the `amolint` section with workspace/configuration.
// amolint.path picks the executable (a change restarts the server);
// amolint.trace.server is read by the client library itself.
// `.amolint.json` changes: the server registers its own file watcher.
'use strict';
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

const LANGUAGES = require('./package.json').activationEvents
  .filter((event) => event.startsWith('onLanguage:'))
  .map((event) => event.slice('onLanguage:'.length));

/** The current client: running, starting, or left over from a start that failed. */
let client;
/** One output channel for every client, so that a restart does not add another. */
let outputChannel;
/** Restarts run one after another; this promise never rejects. */
let queue = Promise.resolve();

function executable() {
  return vscode.workspace.getConfiguration('amolint').get('path') || 'amolint';
}

function createClient() {
  const config = vscode.workspace.getConfiguration('amolint');
  // TransportKind.stdio makes the client add `--stdio`, which the server accepts.
  const serverOptions = { command: executable(), args: ['server'], transport: TransportKind.stdio };
  const clientOptions = {
    documentSelector: LANGUAGES.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    initializationOptions: { enable: config.get('enable'), rules: config.get('rules') },
    synchronize: { configurationSection: 'amolint' },
    outputChannel,
  };
  return new LanguageClient('amolint', 'amolint', serverOptions, clientOptions);
}

/** Stops the current client if it runs. `stop()` rejects in any other state
 *  (after a failed start, for one), so a client that never ran is dropped. */
async function stopClient() {
  const old = client;
  client = undefined;
  if (old === undefined) return;
  if (old.needsStop() && !old.isRunning()) {
    // A start under way (the library restarting a crashed server): let it end first.
    await old.start().catch(() => undefined);
  }
  if (old.isRunning()) await old.stop();
}

function describe(error) {
  // A failed spawn rejects with a string, not an Error.
  return error instanceof Error ? error.message : String(error);
}

/** Replaces the client with a new one. Failures are shown, never thrown. */
function restart() {
  queue = queue.then(async () => {
    try {
      await stopClient();
    } catch (error) {
      outputChannel.appendLine(`amolint: stopping the server failed: ${describe(error)}`);
    }
    client = createClient();
    try {
      await client.start();
    } catch (error) {
      vscode.window.showErrorMessage(
        `amolint: cannot start \`${executable()} server\`: ${describe(error)}. Install amolint or set amolint.path.`);
    }
  });
  return queue;
}

function activate(context) {
  outputChannel = vscode.window.createOutputChannel('amolint');
  context.subscriptions.push(
    outputChannel,
    vscode.commands.registerCommand('amolint.restart', restart),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('amolint.path')) restart();
    }),
  );
  return restart();
}

function deactivate() {
  queue = queue.then(() => stopClient().catch(() => undefined));
  return queue;
}

module.exports = { activate, deactivate };
