/*
 * tests/fuzz/fuzz-yaml.c: libFuzzer target for the loader's fast YAML
 * reader (lib/io/load-fast.c, io layer), differential against libyaml.
 *
 * Any bytes go through both readers (airoi__yfast_check): whenever the fast
 * reader accepts an input, libyaml must accept it too and build the same
 * tree node by node (kind, quoted flag, text, line, column, kids). A
 * difference, a crash, a leak or undefined behaviour is a finding; giving
 * up is always allowed.
 *
 * Built with -fsanitize=fuzzer when the `fuzzing` option is on (clang),
 * against the internal archive; `meson test` replays its corpus
 * (tests/fuzz/corpus-yaml, findings included) and the model seeds.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "load-private.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char why[512] = "";
    if (airoi__yfast_check((const char *)data, size, why, sizeof why) == -1) {
        fprintf(stderr, "fuzz-yaml: the readers differ: %s\n", why);
        abort();
    }
    return 0;
}
