throw new Error("@napi-rs/canvas is left out: the import renders nothing");
