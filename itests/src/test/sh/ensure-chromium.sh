#!/usr/bin/env bash
# The browser tests drive Debian's headless Chromium through its chromedriver. Installs both
# from Debian's packages when they are missing (as root), else says what to install.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
    exit 0
fi
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing chromium and chromium-driver for the browser tests"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -q chromium chromium-driver >/dev/null 2>&1 \
        || { apt-get update -q >/dev/null && apt-get install -y -q chromium chromium-driver >/dev/null; }
    exit 0
fi
echo "The browser tests need Chromium and chromedriver: sudo apt-get install chromium chromium-driver" >&2
exit 1
