/*
 * bindings/excel/xll-glue.h: helpers shared by the worksheet functions of
 * airoi.xll: the Excel12 callback, DLL-owned results, argument readers and
 * UTF-8/UTF-16 conversion. Internal to the add-in (nothing here is exported).
 */
#ifndef AIROI_XLL_GLUE_H
#define AIROI_XLL_GLUE_H

#include <stddef.h>
#include <stdint.h>

#include "xloper12.h"

/* ---- Callback into the host (Excel or the test host) ------------------ */

/* Looks up MdCallBack12 in the main program, the way Excel's XLCALL32 does
 * (GetProcAddress(GetModuleHandle(NULL), ...) on Windows, dlsym of the main
 * program elsewhere). Called from xlAutoOpen; returns 1 when found. */
int xll_callback_init(void);

/* Excel12v: calls function xlfn with count arguments; the result (if any)
 * goes to *res. Returns an xlret* code (xlretFailed without a host). */
int xll_excel12v(int xlfn, LPXLOPER12 res, int count, LPXLOPER12 *opers);

/* Excel12 with the arguments listed (at most 32). */
int xll_excel12(int xlfn, LPXLOPER12 res, int count, ...);

/* ---- Results ------------------------------------------------------------
 * Every result a worksheet function returns is a fresh heap block that
 * holds the XLOPER12 and everything it points to (array elements, string
 * code units); xltype carries xlbitDLLFree and Excel hands the block back
 * to xlAutoFree12, which calls xll_result_free(). No static or stack
 * XLOPER12 is ever returned. On allocation failure the constructors return
 * NULL, which Excel shows as an error value (and the test host as #NUM!). */

/* A number; NaN or infinity become #NUM!. */
LPXLOPER12 xll_result_num(double v);
/* An error value (xlerr*). */
LPXLOPER12 xll_result_err(int err);
/* A string from UTF-8 (truncated to 32,767 UTF-16 code units). */
LPXLOPER12 xll_result_str(const char *utf8);
/* A rows x cols array whose elements start as xltypeNil, with room for
 * str_units UTF-16 code units of strings set with xll_result_set_str()
 * (spilled arrays of phase 2: schedules, metrics, findings). */
LPXLOPER12 xll_result_multi(int32_t rows, int32_t cols, size_t str_units);
/* A spilled table: a header row of cols strings, then rows rows (elements
 * Nil), with room for str_units UTF-16 code units of strings besides the
 * header's; #NUM! when rows + 1 is more than a sheet has. Fill it when
 * xll_result_is_multi(). */
LPXLOPER12 xll_result_table(size_t rows, int32_t cols, const char *const *header,
                            size_t str_units);
/* 1 when x is a result array to fill (not an error value, not NULL). */
int xll_result_is_multi(const XLOPER12 *x);
/* Sets element (r, c) of a result array to a number (#NUM! if not finite). */
void xll_result_set_num(LPXLOPER12 multi, int32_t r, int32_t c, double v);
/* Sets element (r, c) to v when ok and v is finite, else #N/A (a figure
 * the library does not define). */
void xll_result_set_figure(LPXLOPER12 multi, int32_t r, int32_t c, int ok, double v);
/* Sets element (r, c) of a result array to an error value (xlerr*). */
void xll_result_set_err(LPXLOPER12 multi, int32_t r, int32_t c, int err);
/* Sets element (r, c) to a UTF-8 string from the array's own string pool;
 * returns 0, or -1 when the pool is exhausted (the element is left Nil). */
int xll_result_set_str(LPXLOPER12 multi, int32_t r, int32_t c, const char *utf8);
/* Releases a block made by the constructors above; ignores NULL and
 * anything that is not such a block. Called by xlAutoFree12. */
void xll_result_free(LPXLOPER12 x);

/* Number of result blocks currently alive (diagnostics and tests). */
long xll_result_live(void);

/* ---- Arguments ----------------------------------------------------------
 * The readers return XLL_OK or the Excel error code the function should
 * return: #VALUE! for an argument of the wrong kind (text, missing), the
 * cell's own error for an error value (errors pass through). */
#define XLL_OK (-1)

/* How cells of a range argument are read. */
typedef enum xll_cells {
    /* As Excel's NPV, IRR and MIRR: inside a range only numbers count;
     * blanks, text and logical values are skipped. */
    XLL_CELLS_NUMBERS_ONLY = 0,
    /* Period-indexed flows of our own functions: a blank is a period with
     * no cash flow (0); text and logical values are #VALUE!. */
    XLL_CELLS_BLANK_ZERO = 1,
    /* Paired values and dates (XNPV, XIRR): every cell must be a number. */
    XLL_CELLS_DENSE = 2
} xll_cells;

/* Reads a range (or a single value) row by row into a malloc'ed array of
 * *n doubles (*values is NULL when *n is 0); free() it. A lone scalar
 * argument is read strictly: a number (or logical, as 0/1) counts, text is
 * #VALUE!, a blank follows the policy. Missing is #VALUE!. */
int xll_arg_numbers(const XLOPER12 *arg, xll_cells policy, double **values, size_t *n);

/* 1 when an optional argument was left out: omitted (xltypeMissing), a
 * blank cell (xltypeNil) or NULL. */
int xll_arg_omitted(const XLOPER12 *arg);

/* The lone element of a 1x1 array (a one-cell range), else arg itself. */
const XLOPER12 *xll_arg_scalar(const XLOPER12 *arg);

/* A required number: a number, a logical (0/1) or a 1x1 array of one. */
int xll_arg_number(const XLOPER12 *arg, double *out);

/* An optional number: missing or blank gives dflt. */
int xll_arg_number_opt(const XLOPER12 *arg, double dflt, double *out);

/* ---- Strings ----------------------------------------------------------- */

/* UTF-16 code units needed for a UTF-8 string (invalid bytes count as one
 * replacement character each). */
size_t xll_utf16_len(const char *utf8);
/* UTF-16 code units of n strings plus one count unit each (NULL counts as
 * ""): the room xll_result_multi() needs for them. */
size_t xll_utf16_units(const char *const *utf8, size_t n);
/* Encodes UTF-8 into at most cap code units; returns the count written. */
size_t xll_utf8_to_utf16(XCHAR *dst, size_t cap, const char *utf8);
/* A malloc'ed NUL-terminated UTF-8 copy of a counted XLOPER12 string
 * (lone surrogates become U+FFFD); NULL on allocation failure. */
char *xll_utf16_to_utf8(const XCHAR *counted);

#endif /* AIROI_XLL_GLUE_H */
