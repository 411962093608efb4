// Runs extension.js under node against stand-ins for `vscode` and
// `vscode-languageclient/node` (neither can be installed here). The stand-in
// client keeps the rules of vscode-languageclient 9.0.1 that the extension
// depends on: a failed spawn rejects start() with a string and leaves the
// client in StartFailed; stop() rejects unless the client is running.
// Usage: node editors/vscode/test/extension-test.js
'use strict';
const assert = require('node:assert/strict');
const Module = require('node:module');
const path = require('node:path');

const settings = { path: 'amolint', enable: true, rules: {} };
const shown = [];
const configurationListeners = [];
const commands = new Map();
let channelsCreated = 0;

const vscode = {
  workspace: {
    getConfiguration: (section) => {
      assert.equal(section, 'amolint');
      return { get: (key) => settings[key] };
    },
    onDidChangeConfiguration: (listener) => {
      configurationListeners.push(listener);
      return { dispose() {} };
    },
    createFileSystemWatcher: () => assert.fail('the server registers its own watcher'),
  },
  window: {
    showErrorMessage: (message) => { shown.push(message); },
    createOutputChannel: (name) => {
      channelsCreated += 1;
      return { name, lines: [], appendLine(line) { this.lines.push(line); }, dispose() {} };
    },
  },
  commands: {
    registerCommand: (id, handler) => { commands.set(id, handler); return { dispose() {} }; },
  },
};

// Which executables "exist" for the stand-in spawn.
const installed = new Set();
const clients = [];

class LanguageClient {
  constructor(id, name, serverOptions, clientOptions) {
    Object.assign(this, { id, name, serverOptions, clientOptions, state: 'Initial', stops: 0 });
    clients.push(this);
  }
  isRunning() { return this.state === 'Running'; }
  needsStop() { return this.state === 'Starting' || this.state === 'Running'; }
  start() {
    if (this.onStart) return this.onStart;
    this.state = 'Starting';
    const command = this.serverOptions.command;
    this.onStart = new Promise((resolve, reject) => setImmediate(() => {
      if (installed.has(command)) {
        this.state = 'Running';
        resolve();
      } else {
        this.state = 'StartFailed';
        reject(`Launching server using command ${command} failed. Error: spawn ${command} ENOENT`);
      }
    }));
    return this.onStart;
  }
  async stop() {
    if (this.state === 'Stopped' || this.state === 'Initial') return;
    if (this.state !== 'Running') {
      throw new Error(`Client is not running and can't be stopped. It's current state is: ${this.state}`);
    }
    this.stops += 1;
    this.state = 'Stopped';
    this.onStart = undefined;
  }
}

const stubs = {
  vscode,
  'vscode-languageclient/node': { LanguageClient, TransportKind: { stdio: 0, ipc: 1 } },
};
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request in stubs ? request : resolve.call(this, request, ...rest);
};
for (const [name, exports] of Object.entries(stubs)) {
  require.cache[name] = { id: name, filename: name, loaded: true, exports };
}

const unhandled = [];
process.on('unhandledRejection', (reason) => unhandled.push(reason));

const extension = require(path.join(__dirname, '..', 'extension.js'));
const packageJSON = require(path.join(__dirname, '..', 'package.json'));

(async () => {
  const context = { subscriptions: [] };

  // 1. amolint is not installed: the start fails, the message says why.
  await extension.activate(context);
  assert.equal(clients.length, 1);
  assert.equal(clients[0].state, 'StartFailed');
  assert.equal(shown.length, 1);
  assert.match(shown[0], /^amolint: cannot start `amolint server`: Launching server using command amolint failed\. Error: spawn amolint ENOENT\. /);
  assert.doesNotMatch(shown[0], /undefined/);

  // The client options: every activation language, settings synchronised, no watcher of its own.
  const options = clients[0].clientOptions;
  const languages = packageJSON.activationEvents.map((event) => event.replace('onLanguage:', ''));
  assert.deepEqual(options.documentSelector.filter((s) => s.scheme === 'file').map((s) => s.language), languages);
  assert.deepEqual(options.documentSelector.filter((s) => s.scheme === 'untitled').map((s) => s.language), languages);
  assert.deepEqual(options.synchronize, { configurationSection: 'amolint' });
  assert.deepEqual(options.initializationOptions, { enable: true, rules: {} });
  assert.deepEqual(clients[0].serverOptions.args, ['server']);

  // 2. The user installs amolint elsewhere and sets amolint.path: a new client starts.
  installed.add('/opt/amolint/bin/amolint');
  settings.path = '/opt/amolint/bin/amolint';
  for (const listener of configurationListeners) listener({ affectsConfiguration: (key) => key === 'amolint.path' });
  await extension.deactivate(); // runs after the queued restart
  assert.equal(clients.length, 2);
  assert.equal(clients[0].stops, 0, 'a client that never ran is not stopped');
  assert.equal(clients[1].serverOptions.command, '/opt/amolint/bin/amolint');
  assert.equal(clients[1].stops, 1, 'deactivate stops the running client');

  // 3. The restart command stops the running client and starts one more; two at once queue up.
  await extension.activate(context);
  assert.equal(clients[2].state, 'Running');
  const restart = commands.get('amolint.restart');
  await Promise.all([restart(), restart()]);
  assert.equal(clients.length, 5);
  assert.equal(clients[2].stops, 1);
  assert.equal(clients[3].stops, 1);
  assert.equal(clients[4].state, 'Running');
  const channel = (c) => c.clientOptions.outputChannel;
  assert.equal(channel(clients[0]), channel(clients[1]));
  assert.ok(clients.slice(2).every((c) => channel(c) === channel(clients[2])), 'a restart reuses the channel');

  // 4. A changed setting other than amolint.path does not restart (the library sends it).
  for (const listener of configurationListeners) listener({ affectsConfiguration: (key) => key === 'amolint.rules' });
  await new Promise(setImmediate);
  assert.equal(clients.length, 5);
  await restart();
  assert.equal(clients.length, 6);

  await extension.deactivate();
  assert.equal(clients[5].stops, 1);
  assert.equal(shown.length, 1, shown.join('\n'));
  assert.deepEqual(unhandled, []);
  assert.equal(channelsCreated, 2, 'one output channel per activation');
  console.log(`extension.js: ${clients.length} clients started and stopped as expected`);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
