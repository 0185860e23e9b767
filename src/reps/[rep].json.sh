# Prints one IS rep's page data (only that rep's rows; split by relay build, see
# lib/rep-files.ts). Without RELAY_MARTS_DIR, data-loaders/emit.ts computes them.
rep="${1#--rep=}"
if [ -n "$RELAY_MARTS_DIR" ] && [ -f "$RELAY_MARTS_DIR/reps/$rep.json" ]; then
  exec cat "$RELAY_MARTS_DIR/reps/$rep.json"
fi
exec node --import tsx data-loaders/emit.ts "$@"
