// Puppeteer drives Debian's Chromium (/usr/bin/chromium, installed by ./flux); it must never
// download a browser of its own: this machine reaches package registries only.
module.exports = { skipDownload: true };
