/*
 * bindings/excel/xloper12.h: our own minimal declarations of the documented
 * Excel C API (XLL SDK) types and constants, written from Microsoft's
 * published documentation (XLOPER12, FP12, xlfRegister, xlAutoFree12,
 * Excel12v, "Data Types Used by Excel"). Microsoft's xlcall.h is neither
 * copied nor needed.
 *
 * Only what the add-in and its test host use is declared. The layout is the
 * one of 64-bit Excel (x64 Windows, LLP64) and is checked with static
 * assertions; the same declarations compile on LP64 Linux for the native
 * build (strings are uint16_t, never wchar_t, and no `long` is used).
 */
#ifndef AIROI_XLOPER12_H
#define AIROI_XLOPER12_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Calling convention and export attribute of the XLL interface. On x64 the
 * stdcall keyword is accepted and ignored (there is one convention), so the
 * export names carry no decoration; it is kept for documentation value. */
#if defined(_WIN32)
#  define XLL_CALL __stdcall
#  define XLL_EXPORT __declspec(dllexport)
#else
#  define XLL_CALL
#  define XLL_EXPORT __attribute__((visibility("default")))
#endif

/* A UTF-16 code unit. XLOPER12 strings are counted: str[0] is the length
 * (at most XL_MAX_STR), followed by that many code units, no terminator. */
typedef uint16_t XCHAR;
typedef int32_t RW;   /* row index, 0-based, up to 1,048,575 */
typedef int32_t COL;  /* column index, 0-based, up to 16,383 */
typedef uintptr_t IDSHEET;

#define XL_MAX_STR 32767
#define XL_MAX_ROWS 1048576
#define XL_MAX_COLS 16384
/* Excel12/Excel12v accept at most 255 arguments; xlfRegister uses 10 of
 * them before the per-argument help strings. */
#define XL_MAX_CALLBACK_ARGS 255

typedef struct xlref12 {
    RW rwFirst;
    RW rwLast;
    COL colFirst;
    COL colLast;
} XLREF12;

typedef struct xlmref12 {
    uint16_t count;
    XLREF12 reftbl[1];
} XLMREF12;

typedef struct fp12 {
    int32_t rows;
    int32_t columns;
    double array[1];
} FP12;

typedef struct xloper12 {
    union {
        double num;                 /* xltypeNum */
        XCHAR *str;                 /* xltypeStr: counted string */
        int32_t xbool;              /* xltypeBool (Windows BOOL) */
        int32_t err;                /* xltypeErr: xlerr* */
        int32_t w;                  /* xltypeInt */
        struct {
            uint16_t count;         /* always 1 */
            XLREF12 ref;
        } sref;                     /* xltypeSRef */
        struct {
            XLMREF12 *lpmref;
            IDSHEET idSheet;
        } mref;                     /* xltypeRef */
        struct {
            struct xloper12 *lparray; /* rows x columns, row by row */
            RW rows;
            COL columns;
        } array;                    /* xltypeMulti */
        struct {
            union {
                int32_t level;
                int32_t tbctrl;
                IDSHEET idSheet;
            } valflow;
            RW rw;
            COL col;
            uint8_t xlflow;
        } flow;                     /* xltypeFlow */
        struct {
            union {
                uint8_t *lpbData;
                void *hData;
            } h;
            int32_t cbData;         /* Windows `long`: 32 bits on x64 */
        } bigdata;                  /* xltypeBigData */
    } val;
    uint32_t xltype;
} XLOPER12;

typedef XLOPER12 *LPXLOPER12;

/* xltype values; the two bits are or-ed in by whoever owns the memory. */
enum {
    xltypeNum = 0x0001,
    xltypeStr = 0x0002,
    xltypeBool = 0x0004,
    xltypeRef = 0x0008,
    xltypeErr = 0x0010,
    xltypeFlow = 0x0020,
    xltypeMulti = 0x0040,
    xltypeMissing = 0x0080,
    xltypeNil = 0x0100,
    xltypeSRef = 0x0400,
    xltypeInt = 0x0800,
    xltypeBigData = xltypeStr | xltypeInt,
    xlbitXLFree = 0x1000,   /* Excel owns the memory: release with xlFree */
    xlbitDLLFree = 0x4000   /* the XLL owns it: Excel calls xlAutoFree12 */
};

/* Error values (xltypeErr). */
enum {
    xlerrNull = 0,
    xlerrDiv0 = 7,
    xlerrValue = 15,
    xlerrRef = 23,
    xlerrName = 29,
    xlerrNum = 36,
    xlerrNA = 42,
    xlerrGettingData = 43
};

/* Return codes of Excel12/Excel12v (bit flags). */
enum {
    xlretSuccess = 0,
    xlretAbort = 1,
    xlretInvXlfn = 2,
    xlretInvCount = 4,
    xlretInvXloper = 8,
    xlretStackOvfl = 16,
    xlretFailed = 32,
    xlretUncalced = 64,
    xlretNotThreadSafe = 128
};

/* Function numbers used here. */
enum {
    xlSpecial = 0x4000,
    xlFree = 0 | xlSpecial,
    xlCoerce = 2 | xlSpecial,
    xlGetName = 9 | xlSpecial,
    xlfCaller = 89,
    xlfRegister = 149,
    xlfUnregister = 201,
    xlfSetName = 88
};

/* The entry point Excel exports from its own executable (XLCALL32 finds it
 * with GetProcAddress(GetModuleHandle(NULL), "MdCallBack12")):
 * (function number, argument count, argument array, result). */
typedef int(XLL_CALL *xll_mdcallback12_fn)(int xlfn, int coper, LPXLOPER12 *opers,
                                           LPXLOPER12 result);
#define XLL_CALLBACK_NAME "MdCallBack12"

/* Layout of 64-bit Excel (documented sizes of the x64 SDK structures). */
#if UINTPTR_MAX == 0xffffffffffffffffu
_Static_assert(sizeof(XCHAR) == 2, "XCHAR is a UTF-16 code unit");
_Static_assert(sizeof(XLREF12) == 16, "XLREF12 is four 32-bit indices");
_Static_assert(sizeof(XLOPER12) == 32, "XLOPER12 is 32 bytes on x64");
_Static_assert(offsetof(XLOPER12, xltype) == 24, "xltype follows the 24-byte union");
_Static_assert(sizeof(((XLOPER12 *)0)->val) == 24, "the value union is 24 bytes");
_Static_assert(offsetof(XLOPER12, val.array.rows) == 8, "array rows after the pointer");
_Static_assert(offsetof(XLOPER12, val.array.columns) == 12, "array columns");
_Static_assert(offsetof(XLOPER12, val.sref.ref) == 4, "sref.ref after the 16-bit count");
_Static_assert(offsetof(XLOPER12, val.mref.idSheet) == 8, "mref sheet id");
_Static_assert(offsetof(XLOPER12, val.bigdata.cbData) == 8, "bigdata length");
_Static_assert(offsetof(XLOPER12, val.flow.xlflow) == 16, "flow type byte");
_Static_assert(offsetof(FP12, array) == 8, "FP12 values follow rows and columns");
_Static_assert(offsetof(XLMREF12, reftbl) == 4, "XLMREF12 table after the count");
#else
#  error "the XLL glue targets 64-bit hosts only (64-bit Excel)"
#endif

#ifdef __cplusplus
}
#endif

#endif /* AIROI_XLOPER12_H */
