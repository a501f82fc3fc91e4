# shellcheck shell=bash
# Sourced by scripts/demo.sh, and run by bench/web.ts: whether the production build is missing or older than a
# source that ends up in it. The build directory is NEXT_DIST_DIR (next.config.js), .next by default.

# Sources that end up in the build; tests and data do not.
needs_build() {
  local dist=${NEXT_DIST_DIR:-.next}
  [ -f "$dist/BUILD_ID" ] || return 0
  local inputs=() path
  for path in app components lib jobs proxy.ts middleware.ts public messages next.config.* postcss.config.* \
    tsconfig.json package-lock.json prisma/schema.prisma; do
    [ -e "$path" ] && inputs+=("$path")
  done
  [ -n "$(find "${inputs[@]}" -type f ! -name '*.test.ts' -newer "$dist/BUILD_ID" -print -quit)" ]
}
