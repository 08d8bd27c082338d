#!/usr/bin/env bash
# Build the Bangkok staff design system into static/bangkok/.
#
#   bash frontend/build.sh        (from anywhere)
#
# Output (committed to the repo, so the build must be deterministic):
#   static/bangkok/bangkok.css               GOV.UK Frontend + MoJ Frontend + project styles
#   static/bangkok/govuk-frontend.min.js     GOV.UK Frontend ES module
#   static/bangkok/moj-frontend.min.js       MoJ Frontend ES module
#   static/bangkok/htmx.min.js               htmx 2
#   static/bangkok/init.js                   initialises both (CSP: no inline JS)
#   static/bangkok/assets/images/*           every image bangkok.css references
#   static/bangkok/assets/fonts/*            Noto Sans Thai, Arabic and Myanmar (woff2, OFL),
#                                            declared at the end of bangkok.css
#   static/bangkok/assets/favicon.svg
# and, for the browser tests only (never served by the app):
#   tests/assets/axe.min.js                  axe-core, which every browser test runs on
#                                            every page it opens (tests/pagechecks.py)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$(dirname "$here")/static/bangkok"
cd "$here"

# Install exactly what package-lock.json pins. No install scripts are needed
# (sass is pure JavaScript); skipping them keeps the install offline-safe.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --ignore-scripts --no-audit --no-fund
fi

govuk=node_modules/govuk-frontend/dist/govuk
moj=node_modules/@ministryofjustice/frontend/moj

mkdir -p "$out"
rm -rf "$out/assets"
mkdir -p "$out/assets/images"

# --- CSS ------------------------------------------------------------------
# --quiet-deps hides Sass deprecation warnings raised inside node_modules.
# One GOV.UK warning remains ("The `govuk-text-colour` mixin is deprecated"):
# MoJ Frontend 11 itself calls that mixin, and MoJ pins
# $govuk-suppressed-warnings, so it cannot be silenced from here. Harmless.
npx --no-install sass \
  --load-path=. \
  --no-source-map \
  --style=compressed \
  --quiet-deps \
  bangkok.scss "$out/bangkok.css"

if grep -q "@font-face" "$out/bangkok.css"; then
  echo "build.sh: bangkok.css must not contain @font-face" >&2
  exit 1
fi

# Copy every image the CSS references (url(assets/images/NAME)), and nothing
# else: Django's manifest storage fails on a url() whose file is missing, and
# the Crown/royal arms images are deliberately not shipped.
grep -o 'url([^)]*)' "$out/bangkok.css" \
  | sed -E 's/^url\(["'\'']?//; s/["'\'']?\)$//' \
  | sort -u \
  | while read -r ref; do
      case "$ref" in
        data:*) continue ;;
        assets/images/*) name="${ref#assets/images/}" ;;
        *) echo "build.sh: unexpected url() in bangkok.css: $ref" >&2; exit 1 ;;
      esac
      if [ -f "$moj/assets/images/$name" ]; then
        cp "$moj/assets/images/$name" "$out/assets/images/$name"
      elif [ -f "$govuk/assets/images/$name" ]; then
        cp "$govuk/assets/images/$name" "$out/assets/images/$name"
      else
        echo "build.sh: bangkok.css references $ref, found in neither package" >&2
        exit 1
      fi
    done

# --- Fonts -------------------------------------------------------------------
# The scripts the interface and the information sheet are written in, served by the app
# so a PC without a Thai or Burmese font shows (and prints) glyphs, not boxes. Each face
# has a unicode-range: a page in Latin script downloads none of them. Only the script's own
# subset is shipped; Latin comes from the system font stack.
mkdir -p "$out/assets/fonts"
cp node_modules/@fontsource/noto-sans-thai/LICENSE "$out/assets/fonts/OFL.txt"
font_face() { # family package subset unicode-range
  for weight in 400 700; do
    file="$2-$3-$weight-normal.woff2"
    cp "node_modules/@fontsource/$2/files/$file" "$out/assets/fonts/$file"
    printf '@font-face{font-family:"%s";font-style:normal;font-weight:%s;font-display:swap;src:url(assets/fonts/%s) format("woff2");unicode-range:%s}' \
      "$1" "$weight" "$file" "$4" >> "$out/bangkok.css"
  done
}
font_face "Noto Sans Thai" noto-sans-thai thai "U+0E01-0E5B,U+200C-200D,U+25CC"
font_face "Noto Sans Arabic" noto-sans-arabic arabic "U+0600-06FF,U+0750-077F,U+0870-08FF,U+FB50-FDFF,U+FE70-FEFF"
font_face "Noto Sans Myanmar" noto-sans-myanmar myanmar "U+1000-109F,U+A9E0-A9FF,U+AA60-AA7F"

# Project assets (favicon: our own mark, not the GOV.UK crown)
cp assets/favicon.svg "$out/assets/favicon.svg"

# --- JavaScript -------------------------------------------------------------
# Source map comments are stripped: the .map files are not shipped, and
# Django's manifest storage would try to resolve them.
copy_js() {
  sed -E 's@//# sourceMappingURL=[^[:space:]]*$@@' "$1" > "$2"
}
copy_js "$govuk/govuk-frontend.min.js" "$out/govuk-frontend.min.js"
copy_js "$moj/moj-frontend.min.js" "$out/moj-frontend.min.js"
copy_js node_modules/htmx.org/dist/htmx.min.js "$out/htmx.min.js"
cp js/init.js "$out/init.js"

# --- Test assets --------------------------------------------------------------
# Committed like the rest, so `make test` needs no npm and no network.
tests_out="$(dirname "$here")/tests/assets"
mkdir -p "$tests_out"
cp node_modules/axe-core/axe.min.js "$tests_out/axe.min.js"

echo "build.sh: built $(cd "$out" && find . -type f | sort | wc -l) files into ${out#"$(dirname "$here")/"}/"
