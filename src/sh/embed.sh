#!/bin/sh
# Turns the numbered migrations src/schema/NNN-name.sql into a C table (build/schema.c),
# so the program carries its schema and needs no files at run time.
set -eu
echo '#include "core/migrate.h"'
echo 'const struct migration migrate_steps[] = {'
for f in "$@"; do
  b=$(basename "$f" .sql)
  n=$(echo "$b" | sed 's/^0*\([0-9][0-9]*\)-.*/\1/')
  printf '  { %s, "%s",\n' "$n" "$b"
  sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/    "/' -e 's/$/\\n"/' "$f"
  echo '  },'
done
echo '};'
echo "const int migrate_count = $#;"
