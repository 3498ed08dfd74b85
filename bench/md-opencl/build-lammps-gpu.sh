#!/usr/bin/env bash
# Builds LAMMPS with its GPU package for OpenCL (the peer of the issue's H100 target: "faster than the LAMMPS GPU
# package on the same GPU"), from the same source as the Debian package the CPU benchmark uses (lammps
# 20220106.git7586adbb6a, i.e. stable 29 Sep 2021 update 2, fetched as a Debian source package): serial (no MPI),
# KSPACE + GPU (OpenCL, mixed precision: float pair math, double accumulation, like our mixed mode), KISS FFT, no
# image libraries, so that the binary needs only libOpenCL and the C++ runtime. OpenCL rather than CUDA because it
# builds here, without a CUDA toolkit, and runs on the NVIDIA driver's OpenCL there; a CUDA build could be faster
# (LAMMPS' GPU package is tuned for both), which a comparison must say.
# Usage: bench/md-opencl/build-lammps-gpu.sh [workdir=/tmp/lammps-gpu]; prints the path of lmp_gpu (about 10 min on
# 2 cores). device-kit.sh then packs it (LMP_GPU=<path>). Checked here on PoCL (2026-12-08): it builds (8.8 MB stripped)
# and sets up its buck/coul/long and table GPU styles, then stops at the first step with OpenCL error -13
# (CL_MISALIGNED_SUB_BUFFER_OFFSET, in geryon's sub-buffers: PoCL's alignment rule); not yet run on an NVIDIA GPU.
set -euo pipefail
W=${1:-/tmp/lammps-gpu}
mkdir -p "$W"
cd "$W"
if [ ! -d src ]; then
  # the Debian source package (deb-src of the machine's own Debian suites)
  sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources > /etc/apt/sources.list.d/zz-lammps-src.sources
  apt-get update -qq
  apt-get source --download-only lammps >/dev/null
  rm -f /etc/apt/sources.list.d/zz-lammps-src.sources
  apt-get update -qq || true
  tar -xJf lammps_*.orig.tar.xz
  mv lammps-0~*/ src
fi
mkdir -p build
cd build
cmake ../src/cmake -D CMAKE_BUILD_TYPE=Release -D CMAKE_DISABLE_FIND_PACKAGE_MPI=TRUE -D BUILD_MPI=no -D BUILD_OMP=no \
  -D PKG_KSPACE=yes -D PKG_GPU=yes -D GPU_API=opencl -D GPU_PREC=mixed -D USE_STATIC_OPENCL_LOADER=no -D FFT=KISS \
  -D WITH_JPEG=no -D WITH_PNG=no -D WITH_FFMPEG=no -D LAMMPS_MACHINE=gpu -D BUILD_SHARED_LIBS=no >/dev/null
make -j"$(nproc)" lmp >/dev/null
strip lmp_gpu
echo "$W/build/lmp_gpu"
