import fc from "fast-check";

// Property tests run the same cases on every machine, so CI is never red by chance; FC_SEED=<n> explores others.
fc.configureGlobal({ seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : 20261203 });
