#!/usr/bin/env bash
# Refresh the message catalogues after changing user-visible strings, then compile them.
# New msgids appear in backoffice/translations/zh/LC_MESSAGES/messages.po with an empty
# translation; the test suite fails until each one is translated.
source "$(dirname "${BASH_SOURCE[0]}")/_common.sh"
mkdir -p "$ROOT/instance"
"$VENV/bin/pybabel" extract -F babel.cfg -k _l -k lazy_gettext -o "$ROOT/instance/messages.pot" .
"$VENV/bin/pybabel" update -i "$ROOT/instance/messages.pot" -d backoffice/translations --no-fuzzy-matching
compile_catalogues
