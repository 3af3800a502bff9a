// A script on @bydel/core: Sagene 2024, from the reported net deviation to the result in ordinary
// operations (figures from the report, in 1000 kr). Run after `npm run build`:
//   node examples/sagene-bridge.mjs
import { correctionBridge, formatNorwegian } from "@bydel/core";

const bridge = correctionBridge(28682, [
  { kind: "earmarked", amount: 10373, label: "Øremerkede midler overført til 2025" },
]);

const fmt = (v) => formatNorwegian(v, { decimals: 0 }).padStart(9);
console.log(`${"Rapportert avvik (Tabell 0.1 B)".padEnd(40)}${fmt(bridge.start)}`);
for (const step of bridge.steps) {
  console.log(`${step.label.padEnd(40)}${fmt(step.signedAmount)}  = ${fmt(step.total).trim()}`);
}
console.log(`${"Avvik i ordinær drift".padEnd(40)}${fmt(bridge.result)}  (rapporten: «mindreforbruk på 18,30 millioner»)`);
