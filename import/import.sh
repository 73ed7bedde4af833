#!/usr/bin/env bash
# Imports a file or folder into a running Child Journeys service, shows progress, then the summary.
#
#   import/import.sh <format> <file-or-folder> [--system NAME] [--la 999] [--reference-date yyyy-mm-dd]
#                    [--mode snapshot|delta] [--authority E06000001] [--url http://localhost:8080]
#
# --la is the DfE three-digit LA number of LA child ids; --authority the ONS code of the local
# authority owning the source system's records (default: the service's own authority).
#
# Formats: ssda903 (a folder of 903 CSVs), cin (an XML file), annexa (an .xlsx workbook or a
# folder of its lists as CSVs), directory (staff and teams CSV), gias (DfE GIAS establishments CSV),
# ods (NHS ODS extracts such as epraccur.csv), csv (generic multi-agency CSVs), indicators
# (published LA-level indicators CSV), neighbours (statistical neighbour lists CSV), population
# (ONS mid-year population estimates CSV), imd (IMD deciles by LSOA CSV).
# Environment: CHILDJOURNEYS_URL (default http://localhost:8080); CHILDJOURNEYS_USER and
# CHILDJOURNEYS_PASSWORD are sent as HTTP basic credentials when set.
# Exit code: 0 when the import ran (even if some records were rejected: see the report),
# 1 when it failed as a whole, 2 for a usage error, 3 when the service cannot be reached.
set -euo pipefail

usage() {
  sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

[ $# -ge 2 ] || usage
format=$1
source_path=$2
shift 2
url=${CHILDJOURNEYS_URL:-http://localhost:8080}
params=()
while [ $# -gt 0 ]; do
  case $1 in
    --system) params+=(-F "system=$2"); shift 2 ;;
    --la) params+=(-F "la=$2"); shift 2 ;;
    --reference-date) params+=(-F "referenceDate=$2"); shift 2 ;;
    --mode) params+=(-F "mode=$2"); shift 2 ;;
    --authority) params+=(-F "authority=$2"); shift 2 ;;
    --url) url=$2; shift 2 ;;
    *) echo "Unknown option $1" >&2; usage ;;
  esac
done

case $format in
  ssda903|csv|directory|gias|ods|indicators|neighbours|population|imd) patterns=(-iname '*.csv') ;;
  cin) patterns=(-iname '*.xml') ;;
  annexa) patterns=(\( -iname '*.xlsx' -o -iname '*.csv' \)) ;;
  *) echo "Unknown format '$format': expected ssda903, cin, annexa, directory, gias, ods, csv, indicators, neighbours, population or imd" >&2
     exit 2 ;;
esac

files=()
if [ -d "$source_path" ]; then
  while IFS= read -r -d '' f; do files+=(-F "files=@$f"); done \
    < <(find "$source_path" -maxdepth 1 -type f "${patterns[@]}" -print0 | sort -z)
  if [ ${#files[@]} -eq 0 ]; then
    echo "No $format files (${patterns[*]}) in $source_path" >&2
    exit 2
  fi
elif [ -f "$source_path" ]; then
  files+=(-F "files=@$source_path")
else
  echo "No such file or folder: $source_path" >&2
  exit 2
fi

auth=()
if [ -n "${CHILDJOURNEYS_USER:-}" ]; then
  auth=(-u "$CHILDJOURNEYS_USER:${CHILDJOURNEYS_PASSWORD:-}")
fi

# A field of the job's JSON (flat string or number values are all this needs).
field() {
  sed -n "s/.*\"$1\":\(\"\([^\"]*\)\"\|\([-0-9.]*\)\).*/\2\3/p" <<<"$2" | head -n 1
}

echo "Uploading $((${#files[@]} / 2)) file(s) to $url ..." >&2
response=$(curl -sS "${auth[@]}" -w '\n%{http_code}' "${files[@]}" "${params[@]}" \
  "$url/api/imports/$format") || { echo "Cannot reach the service at $url" >&2; exit 3; }
code=$(tail -n 1 <<<"$response")
body=$(sed '$d' <<<"$response")
case $code in
  202) ;;
  401) echo "The service refused the import (HTTP 401): not signed in; set CHILDJOURNEYS_USER and CHILDJOURNEYS_PASSWORD to an administrator's credentials" >&2
       exit 1 ;;
  403) echo "The service refused the import (HTTP 403): ${CHILDJOURNEYS_USER:-this user} may not import; imports need the ADMIN role" >&2
       exit 1 ;;
  *) echo "The service refused the import (HTTP $code): $(field error "$body")" >&2
     exit 1 ;;
esac
job=$(field id "$body")
echo "Job $job queued" >&2

while true; do
  body=$(curl -sS "${auth[@]}" "$url/api/imports/$job") || { echo "Lost the service at $url" >&2; exit 3; }
  status=$(field status "$body")
  percent=$(field percent "$body")
  phase=$(field phase "$body")
  p=${percent%.*}
  p=${p:-0}
  bar=$(printf '%*s' $((p / 4)) '' | tr ' ' '#')
  printf '\r[%-25s] %3s%% %-50.50s' "$bar" "$p" "$status: $phase" >&2
  case $status in
    SUCCEEDED|FAILED) break ;;
  esac
  sleep 1
done
echo >&2

counts=$(sed -n 's/.*"counts":{\([^}]*\)}.*/\1/p' <<<"$body")
echo "Job $job $status in $(field durationMs "$body") ms"
echo "  read $(field read "$counts"), created $(field created "$counts"), updated $(field updated "$counts"), unchanged $(field unchanged "$counts"), retired $(field retired "$counts"), rejected $(field rejected "$counts")"
ref=$(field referenceDate "$body")
from=$(field coveredFrom "$body")
if [ -n "$from" ]; then
  echo "  reference date $ref, covering $from to $(field coveredTo "$body")"
elif [ -n "$ref" ]; then
  echo "  reference date $ref"
fi
rejected=$(field rejected "$counts")
if [ "${rejected:-0}" != 0 ]; then
  report="$job-rejections.csv"
  curl -sS "${auth[@]}" -o "$report" "$url/api/imports/$job/rejections.csv"
  echo "  rejection report: $report (also at $url/api/imports/$job/rejections.csv)"
fi
if [ "$status" = FAILED ]; then
  echo "  error: $(field error "$body")"
  exit 1
fi
