/**
 * Builds the add-in's pages into dist/:
 *   taskpane.html  the task pane (React + Fluent UI)
 *   commands.html  the ribbon's ExecuteFunction commands; notice.html the dialog telling their outcome
 *   playground.html the task pane beside a fake workbook with the sample roll (no Excel needed)
 *   help.html, assets/, manifest.xml (production URLs in production mode)
 *
 * office.js comes from Microsoft's CDN by default. Election offices on intranets without internet build with
 *   OFFICE_JS=local npm run build        (or: npm run build -- --env office-js=local)
 * which serves the @microsoft/office-js copy from dist/office-js/ with the support files office.js loads beside it.
 *
 * The production URL is package.json "config.productionUrl", or ELECTION_CLERK_URL when set.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const pkg = require('./package.json');

const DEV_URL = 'https://localhost:3000/';
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const OFFICE_JS_DIST = path.join(__dirname, 'node_modules', '@microsoft', 'office-js', 'dist');

function productionUrl() {
  const url = process.env.ELECTION_CLERK_URL || pkg.config.productionUrl;
  if (!/^https:\/\/[^/]+\/(.*\/)?$/.test(url)) {
    throw new Error(`The production URL "${url}" must be https and end with "/" (package.json config.productionUrl or ELECTION_CLERK_URL).`);
  }
  return url;
}

/** https options for the dev server, from the certificates `npx office-addin-dev-certs install` writes. */
function devCertificates() {
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  const files = { key: 'localhost.key', cert: 'localhost.crt', ca: 'ca.crt' };
  const missing = Object.values(files).filter((f) => !fs.existsSync(path.join(dir, f)));
  if (missing.length > 0) {
    throw new Error(`No development certificates in ${dir} (missing ${missing.join(', ')}). Run "npx office-addin-dev-certs install" first; ` +
      'it creates them even where it cannot install the CA (no sudo): then trust ca.crt by hand, see README.');
  }
  return Object.fromEntries(Object.entries(files).map(([k, f]) => [k, fs.readFileSync(path.join(dir, f))]));
}

/** The office.js files an intranet copy needs: office.js, the host map, the string tables and Excel's host scripts. */
function localOfficeJsPatterns() {
  return [
    { from: 'office.js' },
    { from: 'o15apptofilemappingtable.js' },
    { from: 'en-us/office_strings.js', to: 'en-us/' },
    { from: 'zh-cn/office_strings.js', to: 'zh-cn/' },
    { from: 'excel*.js', globOptions: { ignore: ['**/*.debug.js'] } },
  ].map((p) => ({
    ...p,
    context: OFFICE_JS_DIST,
    to: path.join('office-js', p.to || ''),
    info: { minimized: true },
  }));
}

module.exports = (env = {}, argv = {}) => {
  const production = argv.mode === 'production';
  const localOfficeJs = env['office-js'] === 'local' || process.env.OFFICE_JS === 'local';
  const officeJs = localOfficeJs ? 'office-js/office.js' : OFFICE_JS_CDN;
  const baseUrl = production ? productionUrl() : DEV_URL;

  const page = (name, chunks, template) => new HtmlWebpackPlugin({
    filename: `${name}.html`,
    template,
    chunks,
    templateParameters: { officeJs },
  });

  return {
    mode: production ? 'production' : 'development',
    devtool: production ? 'source-map' : 'eval-cheap-module-source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      playground: './src/playground/index.tsx',
    },
    output: {
      path: path.join(__dirname, 'dist'),
      filename: '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js', '.json'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { transpileOnly: true, configFile: 'tsconfig.json' } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      page('taskpane', ['taskpane'], './src/taskpane/taskpane.html'),
      page('commands', ['commands'], './src/commands/commands.html'),
      page('playground', ['playground'], './src/playground/playground.html'),
      page('notice', [], './src/commands/notice.html'),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'src/help/help.html', to: 'help.html' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => (production ? content.toString().split(DEV_URL).join(baseUrl)
              .split(DEV_URL.slice(0, -1)).join(new URL(baseUrl).origin) : content),
          },
          ...(localOfficeJs ? localOfficeJsPatterns() : []),
        ],
      }),
    ],
    devServer: {
      port: 3000,
      server: env.WEBPACK_SERVE ? { type: 'https', options: devCertificates() } : 'https',
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false,
      hot: false,
      client: false,
    },
  };
};
