// Builds the Excel add-in (addin/) into dist/: one shared runtime page (taskpane.html) carrying the
// task pane, the custom functions and the ribbon commands, plus functions.js/functions.json for the
// manifest's CustomFunctions extension point. Modelled on OfficeDev/Excel-Custom-Functions-Shared.
// Every path is resolved from this file, never from the working directory: the metadata plugin
// resolves `input` against process.cwd() and matches modules by path, so a relative path silently
// drops the CustomFunctions.associate calls when webpack runs from addin/.
// pdf.js is no part of the page's first load: the task pane imports it (`import()`) when a PDF is
// chosen, so it is its own chunk (pdfjs.js), and its worker is copied beside it (pdf.worker.min.js).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const root = path.dirname(fileURLToPath(import.meta.url));
const at = (...p) => path.resolve(root, ...p);

export const urlDev = "https://localhost:3000/";
export const urlProd = process.env.ADDIN_PUBLIC_URL ?? "https://bydel.github.io/bydel-addin/";
const functionsFile = at("addin/src/functions/functions.ts");
/** pdf.js's worker in dist/ (addin/src/taskpane/pdf.ts points GlobalWorkerOptions.workerSrc at it). */
export const PDF_WORKER_FILE = "pdf.worker.min.js";

if (!/^https:\/\/.+\/$/.test(urlProd)) {
  throw new Error(`ADDIN_PUBLIC_URL must be an https URL ending in "/" (got ${urlProd})`);
}

/** The production manifest: every development URL replaced (globally: the template replaced only the first). */
export function productionManifest(content, url = urlProd) {
  return String(content).replaceAll(urlDev, url);
}

async function httpsOptions() {
  // Only `webpack serve` needs certificates; a build never touches the OS trust store.
  const devCerts = require("office-addin-dev-certs");
  const o = await devCerts.getHttpsServerOptions();
  return { ca: o.ca, key: o.key, cert: o.cert };
}

export default async (env, options) => {
  const dev = options.mode === "development";
  const serving = Boolean(env.WEBPACK_SERVE);
  return {
    context: root,
    devtool: "source-map",
    // The page is the shared runtime: one bundle with the task pane, the functions (their
    // CustomFunctions.associate calls included) and the commands, so @bydel/core, decimal.js and zod
    // are loaded once. functions.js is the same functions, self-contained, for the manifest's
    // <Script> element (Excel uses the page in a shared runtime).
    entry: {
      taskpane: [at("addin/src/taskpane/taskpane.ts"), functionsFile, at("addin/src/commands/commands.ts")],
      functions: functionsFile,
    },
    output: { path: at("dist"), filename: "[name].js", chunkFilename: "[name].js", clean: true },
    resolve: {
      extensions: [".ts", ".js"],
      // Workspace packages are bundled from source (no prior tsc -b needed, one copy of each dependency).
      alias: {
        "@bydel/core": at("core/src/index.ts"),
        "@bydel/import": at("packages/import/src/index.ts"),
        "@bydel/layout": at("packages/layout/src/index.ts"),
      },
      // NodeNext sources import "./x.js" for "./x.ts".
      extensionAlias: { ".js": [".ts", ".js"] },
    },
    module: {
      rules: [
        // Workspace sources are side-effect free (zod schemas are plain values): lets the standalone
        // functions.js drop what only the task pane uses.
        { test: /[\\/](core|packages[\\/](import|layout))[\\/]src[\\/]/, sideEffects: false },
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // Type-checking is its own step (tsc -p addin); the bundle only strips types.
            options: { transpileOnly: true, configFile: at("addin/tsconfig.json") },
          },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: functionsFile }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: at("addin/src/taskpane/taskpane.html"),
        chunks: ["taskpane"],
        scriptLoading: "defer",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: at("addin/assets/*.png"), to: "assets/[name][ext]" },
          { from: at("addin/src/taskpane/taskpane.css"), to: "taskpane.css" },
          // pdf.js's worker, as published (already minified); named .js so any web server sends it as JavaScript.
          { from: require.resolve("pdfjs-dist/build/pdf.worker.min.mjs"), to: PDF_WORKER_FILE, info: { minimized: true } },
          {
            from: at("manifest.xml"),
            to: "manifest.xml",
            transform: (content) => (dev ? content : productionManifest(content)),
          },
        ],
      }),
    ],
    // The budget is the page's first load (the entry); pdf.js and its worker load only for a PDF.
    performance: {
      hints: dev ? false : "warning",
      maxEntrypointSize: 300_000,
      maxAssetSize: 300_000,
      assetFilter: (file) => /\.js$/.test(file) && file !== PDF_WORKER_FILE && !file.startsWith("pdfjs."),
    },
    devServer: {
      // Serves the in-memory build at https://localhost:3000/ (the development manifest's URLs).
      static: false,
      headers: { "Access-Control-Allow-Origin": "*" },
      client: false,
      hot: false,
      liveReload: false,
      server: serving ? { type: "https", options: await httpsOptions() } : undefined,
      port: 3000,
    },
  };
};
