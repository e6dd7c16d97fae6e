/**
 * @file common.h
 * @brief Export macros and shared basic types of the libairoi public API.
 *
 * Every public header includes this one. It defines AIROI_API, which marks
 * the functions the shared library exports, and the C++ guards.
 *
 * AIROI_API expands to `__declspec(dllexport)` on Windows while the library
 * itself is built (`AIROI_BUILDING`), to `__declspec(dllimport)` for users of
 * the DLL (users of a static build define `AIROI_STATIC` first), and to
 * default visibility elsewhere, since the library is compiled with hidden
 * visibility. Define AIROI_API before including a libairoi header to
 * override it.
 */
#ifndef AIROI_COMMON_H
#define AIROI_COMMON_H

#include <stddef.h>
#include <stdint.h>

/* AIROI_API: see the file comment. */
#ifndef AIROI_API
#  if defined(_WIN32) && !defined(AIROI_STATIC)
#    if defined(AIROI_BUILDING)
#      define AIROI_API __declspec(dllexport)
#    else
#      define AIROI_API __declspec(dllimport)
#    endif
#  elif defined(__GNUC__) && __GNUC__ >= 4
#    define AIROI_API __attribute__((visibility("default")))
#  else
#    define AIROI_API
#  endif
#endif

#ifdef __cplusplus
/** @brief Opens a C-linkage block in C++ translation units. */
#  define AIROI_BEGIN_DECLS extern "C" {
/** @brief Closes a C-linkage block in C++ translation units. */
#  define AIROI_END_DECLS }
#else
/** @brief Opens a C-linkage block in C++ translation units (empty in C). */
#  define AIROI_BEGIN_DECLS
/** @brief Closes a C-linkage block in C++ translation units (empty in C). */
#  define AIROI_END_DECLS
#endif

#endif /* AIROI_COMMON_H */
