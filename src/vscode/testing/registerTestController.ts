import * as vscode from 'vscode';
import { TestDiscovery } from './testDiscovery';
import { runTests } from './testRunner';
import type { TestRunnerDeps } from './testRunner';

/** The controller and its two profiles. */
export interface HttpTests {
  controller: vscode.TestController;
  run: vscode.TestRunProfile;
  runFresh: vscode.TestRunProfile;
}

/** Id of the HTTP Session test controller. */
export const TEST_CONTROLLER_ID = 'httpSession';

/**
 * Registers the Testing view's controller: workspace `.http` files → requests → `??` lines and `client.test`
 * names, with two run profiles, "Run" (the workspace session) and "Run in a Fresh Session". Disposed with
 * the extension; returns the controller and profiles (tests read its items and run them).
 */
export function registerTestController(context: vscode.ExtensionContext, deps: TestRunnerDeps): HttpTests {
  const controller = vscode.tests.createTestController(TEST_CONTROLLER_ID, 'HTTP Session');
  const discovery = new TestDiscovery(controller, deps.documents);
  controller.resolveHandler = async (item) => {
    if (!item) await discovery.discoverAll();
  };
  controller.refreshHandler = () => discovery.discoverAll();
  const run = controller.createRunProfile('Run', vscode.TestRunProfileKind.Run,
    (request, token) => runTests(controller, discovery, deps, request, token, false), true);
  const runFresh = controller.createRunProfile('Run in a Fresh Session', vscode.TestRunProfileKind.Run,
    (request, token) => runTests(controller, discovery, deps, request, token, true), false);
  context.subscriptions.push(controller, discovery);
  return { controller, run, runFresh };
}
