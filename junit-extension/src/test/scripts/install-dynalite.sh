#!/usr/bin/env bash
# Installs the npm package dynalite (an open-source DynamoDB implementation on Node) into a folder, unless
# that version is already there. The build calls it before the tests that run @DynamoTest classes against
# endpoints outside the JVM (RemoteBackendTest).
# usage: install-dynalite.sh DIR VERSION
set -euo pipefail
DIR=$1
VERSION=$2
installed=$(node -p "try { require('$DIR/node_modules/dynalite/package.json').version } catch (e) { '' }")
if [[ "$installed" != "$VERSION" ]]; then
  echo "installing dynalite $VERSION with npm into $DIR"
  mkdir -p "$DIR"
  npm install --prefix "$DIR" --no-audit --no-fund --no-save --loglevel=error "dynalite@$VERSION"
fi
