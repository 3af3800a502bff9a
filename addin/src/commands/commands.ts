// Ribbon commands, loaded in the shared runtime page. The ribbon button itself is a ShowTaskpane
// action in the manifest; this registers the same action for callers that invoke it by id
// (a keyboard shortcut or a future ExecuteFunction button).
export function showTaskpane(event?: Office.AddinCommands.Event): void {
  void Office.addin.showAsTaskpane().finally(() => event?.completed());
}

Office.onReady(() => {
  Office.actions.associate("visOppgaverute", showTaskpane);
});
