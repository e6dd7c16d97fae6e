/*
 * lib/finance/batch-irr.c: the kernels of batch-irr-kernels.h with 4 lanes
 * (one 256-bit register a quantity; an AVX2 + FMA version chosen at run
 * time), airoi__irr_fast() and airoi__xirr_fast().
 */
#include "batch-irr-kernels.h"
