/**
 * electron-builder configuration. Packages are built on a machine with GitHub access (the
 * Electron binary and packaging tools are downloaded then); here the config is only validated,
 * by electron/main/electron-builder-config.test.ts against electron-builder's own schema.
 *
 * @type {import('app-builder-lib').Configuration}
 */
module.exports = {
  appId: 'org.briefingreader.app',
  productName: 'Briefing Reader',
  copyright: 'Copyright © Briefing Reader team',
  directories: { output: 'release', buildResources: 'build' },

  // The main process and preload are self-contained esbuild bundles, so the app ships only dist/
  // and package.json: no sources, no source maps, no node_modules.
  files: ['dist/**/*', 'package.json', '!**/*.map', '!**/*.ts', '!node_modules/**/*'],
  // Outside the asar so it can be copied to the user's writable default library with plain fs.
  extraResources: [{ from: 'content', to: 'content', filter: ['**/*'] }],
  asar: true,
  // Node worker threads load their script with plain fs, which cannot read inside the asar; so is
  // the pdf.js the workers import() and whose CMaps and fonts they read (copied to dist/main/pdfjs
  // by scripts/build-electron.mjs).
  asarUnpack: ['dist/main/search-worker.cjs', 'dist/main/parse-worker.cjs', 'dist/main/pdfjs/**/*'],
  // Nothing native to rebuild, and a rebuild would need the network.
  npmRebuild: false,
  // Never upload anything from a build machine by accident.
  publish: null,
  icon: 'build/icon.png',

  // Fuses are flipped in the Electron binary itself, so they hold even if someone sets the
  // matching environment variables or flags on a user's machine.
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    enableCookieEncryption: true,
    // The app is served from app://, never file://; give file pages no extra powers.
    grantFileProtocolExtraPrivileges: false,
  },

  linux: {
    target: ['AppImage', 'deb'],
    category: 'Office',
    executableName: 'briefing-reader',
    synopsis: 'Read, search and annotate briefings offline',
    maintainer: 'Briefing Reader team',
  },
  mac: {
    target: ['dmg'],
    category: 'public.app-category.productivity',
  },
  win: {
    target: ['nsis'],
  },
  nsis: {
    // An assisted installer: people installing on managed or shared machines need to choose.
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
  },
};
