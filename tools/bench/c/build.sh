#!/usr/bin/env bash
# Builds the C kernels.
#
#	build.sh            KERNEL.wasm for every KERNEL.c here (clang, wasm32-wasi)
#	build.sh -native DIR [KERNEL...]
#	                    DIR/KERNEL for each (default: every) kernel, built
#	                    natively with gcc -O2 and the driver native_main.c
#
# The .wasm files are committed (a few KB each), so the benchmarks need no
# clang; rerun this after editing a kernel. Debian: apt-get install clang lld
# wasi-libc (clang --target=wasm32-wasi then needs no --sysroot).
#
# A kernel is one function, unsigned run(int n), with no I/O: the wasm is a
# reactor (no _start) exporting run, linked against wasi-libc only for the
# memset/memcpy the compiler may call, so it imports nothing.
set -euo pipefail
cd "$(dirname "$0")"
kernels=$(ls *.c | grep -v '^native_main\.c$' | sed 's/\.c$//')

if [ "${1:-}" = "-native" ]; then
	out=${2:?usage: build.sh -native DIR [KERNEL...]}
	shift 2
	if [ $# -gt 0 ]; then kernels="$*"; fi
	mkdir -p "$out"
	for k in $kernels; do
		${CC:-gcc} -O2 -o "$out/$k" "$k.c" native_main.c -lm
	done
	exit 0
fi

for k in $kernels; do
	clang --target=wasm32-wasi -O2 -mexec-model=reactor -Wl,--export=run -Wl,--strip-all \
		-o "$k.wasm" "$k.c"
done
