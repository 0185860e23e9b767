# Prints one mart. `relay build` has computed every mart once and passes the folder in
# RELAY_MARTS_DIR, so this only copies a file (a shell starts in milliseconds, a
# TypeScript loader in about half a second). Without it, data-loaders/emit.ts computes them.
mart="${1#--mart=}"
if [ -n "$RELAY_MARTS_DIR" ] && [ -f "$RELAY_MARTS_DIR/$mart.json" ]; then
  exec cat "$RELAY_MARTS_DIR/$mart.json"
fi
exec node --import tsx data-loaders/emit.ts "$@"
