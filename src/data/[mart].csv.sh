# Prints one mart as CSV, for the pages' "download the full list" links (marts whose SQL
# says `-- download: csv`). Like [mart].json.sh, it copies the file `relay build` wrote.
mart="${1#--mart=}"
if [ -n "$RELAY_MARTS_DIR" ] && [ -f "$RELAY_MARTS_DIR/$mart.csv" ]; then
  exec cat "$RELAY_MARTS_DIR/$mart.csv"
fi
exec node --import tsx data-loaders/emit.ts "$@" --ext=csv
