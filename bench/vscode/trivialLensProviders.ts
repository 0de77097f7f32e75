// The floors for the CodeLens bench: providers that do no work of their own (no parse; the request lines are
// known from how the bench file is built), so what they cost is VS Code's own cost for that many lenses.
import * as vscode from 'vscode';

/** How lenses reach VS Code: with their command up front, or range-only with the command filled in on resolve. */
export type LensStyle = 'eager' | 'lazy';

/** The lens every floor provider shows: the same title, tooltip, command and arguments as ours. */
function sendCommand(uri: vscode.Uri, line: number): vscode.Command {
  return { title: 'Send Request', tooltip: `Send GET item ${line} through the session`, command: 'httpSession.sendRequest', arguments: [uri, line] };
}

class LineLens extends vscode.CodeLens {
  constructor(range: vscode.Range, readonly uri: vscode.Uri, readonly line: number) {
    super(range);
  }
}

/** A CodeLens provider with one lens on each of `lines(document)`, in `style`. */
export function trivialLensProvider(style: LensStyle, lines: (document: vscode.TextDocument) => number[]): vscode.CodeLensProvider<LineLens> {
  return {
    provideCodeLenses(document) {
      return lines(document).map((line) => {
        const lens = new LineLens(document.lineAt(line).range, document.uri, line);
        if (style === 'eager') lens.command = sendCommand(document.uri, line);
        return lens;
      });
    },
    resolveCodeLens(lens) {
      lens.command = sendCommand(lens.uri, lens.line);
      return lens;
    },
  };
}
