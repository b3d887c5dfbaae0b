#!/usr/bin/env bash
# npm run bench:caliper — Hyperledger Caliper 0.6.0 on the running network: System:Heartbeat and
# Allowance:Transfer at a fixed load. Installs Caliper into bench/caliper/node_modules on first use.
set -euo pipefail
cd "$(dirname "$0")/../.."
caliper=bench/caliper
if [ ! -d "$caliper/node_modules/@hyperledger/caliper-cli" ]; then
  echo "• installing Hyperledger Caliper 0.6.0 and binding it to the Fabric Gateway SDK (first use only)"
  (cd "$caliper" && npm install --no-audit --no-fund --loglevel=error && npx caliper bind --caliper-bind-sut fabric:2.5)
fi
echo "• preparing the Caliper network configuration and a benchmark ledger"
npx ts-node bench/caliper/prepare.ts
echo "• running the Caliper benchmark (report: network/run/caliper/report.html)"
"$caliper/node_modules/.bin/caliper" launch manager \
  --caliper-workspace . \
  --caliper-networkconfig network/run/caliper/network.yaml \
  --caliper-benchconfig bench/caliper/benchconfig.yaml \
  --caliper-flow-only-test \
  --caliper-report-path network/run/caliper/report.html
