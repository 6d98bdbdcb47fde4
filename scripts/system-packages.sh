#!/usr/bin/env bash
# Installs the Debian packages the tests and reference tools need, only those missing.
# Chromium (end-to-end tests), dcmtk/dicom3tools/pydicom+NumPy/GDCM (reference DICOM tools and corpus;
# NumPy is named because --no-install-recommends drops it and pydicom cannot decode pixels without it),
# Orthanc + DICOMweb (a real PACS on loopback), poppler (PDF checks), strace (the store's fsync barrier).
set -euo pipefail
packages=(chromium dcmtk dicom3tools python3-pydicom python3-numpy python3-gdcm libgdcm-tools orthanc orthanc-dicomweb poppler-utils strace)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "System packages present."
  exit 0
fi
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "Installing: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# Orthanc's package starts a system service; the tests run their own instances on free ports.
if command -v systemctl >/dev/null 2>&1; then $sudo systemctl disable --now orthanc >/dev/null 2>&1 || true; fi
if command -v service >/dev/null 2>&1; then $sudo service orthanc stop >/dev/null 2>&1 || true; fi
echo "System packages installed."
