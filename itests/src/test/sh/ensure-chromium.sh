#!/usr/bin/env bash
# The browser tests drive Debian's headless Chromium through its chromedriver; a CJK font makes
# their screenshots legible. Installs what is missing from Debian's packages when running as
# root; without root, missing Chromium fails with what to install, a missing font only warns.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
fc-list :lang=zh 2>/dev/null | grep -q . || missing+=(fonts-wqy-microhei)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing ${missing[*]} for the browser tests"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -q "${missing[@]}" >/dev/null 2>&1 \
        || { apt-get update -q >/dev/null && apt-get install -y -q "${missing[@]}" >/dev/null; }
    exit 0
fi
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
    echo "No Chinese font: the browser tests' screenshots will show boxes (apt-get install fonts-wqy-microhei)" >&2
    exit 0
fi
echo "The browser tests need Chromium and chromedriver: sudo apt-get install chromium chromium-driver" >&2
exit 1
