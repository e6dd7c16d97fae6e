/*
 * lib/finance/batch-irr-128.c: the kernels of batch-irr-kernels.h with 2
 * lanes (one 128-bit register a quantity: SSE2 on x86-64, NEON on
 * AArch64), the path of processors without AVX2 and FMA.
 */
#define LANES 2
#define AIROI__IRR_128 1
#include "batch-irr-kernels.h"
