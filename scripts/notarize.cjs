// electron-builder afterSign hook: notarizes the signed macOS app so Gatekeeper opens it without a warning.
// Skips, with a message, wherever Apple credentials are absent (every build that is not a macOS release).
'use strict';

const path = require('node:path');

/** @param {import('app-builder-lib').AfterPackContext} context */
exports.default = async function notarizeApp(context) {
  if (context.electronPlatformName !== 'darwin') return;
  const { APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD, APPLE_TEAM_ID } = process.env;
  if (!APPLE_ID) {
    console.log('notarize: APPLE_ID is not set, skipping notarization (the app is signed but not notarized)');
    return;
  }
  if (!APPLE_APP_SPECIFIC_PASSWORD || !APPLE_TEAM_ID) {
    // A half-configured release must fail loudly rather than ship an app Gatekeeper will block.
    throw new Error('notarize: APPLE_ID is set but APPLE_APP_SPECIFIC_PASSWORD or APPLE_TEAM_ID is missing');
  }
  const appName = context.packager.appInfo.productFilename;
  const appPath = path.join(context.appOutDir, `${appName}.app`);
  // @electron/notarize 3 is ESM-only; this hook stays CommonJS because electron-builder loads it with require.
  const { notarize } = await import('@electron/notarize');
  console.log(`notarize: submitting ${appPath}`);
  await notarize({ appPath, appleId: APPLE_ID, appleIdPassword: APPLE_APP_SPECIFIC_PASSWORD, teamId: APPLE_TEAM_ID });
  console.log('notarize: done');
};
