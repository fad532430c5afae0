// Shared through globalThis: the server script and the bundled route handlers are separate module graphs.
const state = ((globalThis as { __casusregieDraining?: { draining: boolean } }).__casusregieDraining ??= {
  draining: false,
});

export function markDraining(): void {
  state.draining = true;
}

export function isDraining(): boolean {
  return state.draining;
}
