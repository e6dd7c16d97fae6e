/*
 * lib/core/file.c: files named by UTF-8 paths, and replacing a file
 * without ever leaving it truncated.
 *
 * On Windows the C runtime's fopen() reads a path in the ANSI code page,
 * so a UTF-8 name with a non-ASCII character names another file or none:
 * paths are converted to UTF-16 (MultiByteToWideChar) and opened with
 * _wfopen(). Elsewhere a path is bytes and fopen() takes it as is.
 */
#if defined(_WIN32)
#  ifndef WIN32_LEAN_AND_MEAN
#    define WIN32_LEAN_AND_MEAN
#  endif
#  include <windows.h>
#else
#  include <fcntl.h>
#  include <sys/stat.h>
#  include <time.h>
#  include <unistd.h>
#endif
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "core-private.h"

/* Attempts at a free temporary name before giving up. */
#define TEMP_TRIES 64

/* The text of an errno value, into why. */
static void errno_text(char *why, size_t cap, int err)
{
    if (strerror_r(err, why, cap) != 0)
        snprintf(why, cap, "error %d", err);
}

#if defined(_WIN32)

/* path as a NUL-terminated UTF-16 string (airoi__free() it); NULL with
 * errno EILSEQ for a path that is not UTF-8, ENOENT for an empty one,
 * ENOMEM when out of memory. */
static wchar_t *widen(const char *path)
{
    int n = MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, path, -1, NULL, 0);
    if (n <= 1) {
        errno = n == 1 ? ENOENT : EILSEQ;
        return NULL;
    }
    wchar_t *w = airoi__reallocarray(NULL, (size_t)n, sizeof *w);
    if (!w) {
        errno = ENOMEM;
        return NULL;
    }
    MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, path, -1, w, n);
    return w;
}

FILE *airoi__fopen(const char *path, const char *mode)
{
    wchar_t wmode[8];
    size_t k = 0;
    for (; mode[k] && k < 7; k++)
        wmode[k] = (wchar_t)(unsigned char)mode[k];
    wmode[k] = L'\0';
    wchar_t *w = widen(path);
    if (!w)
        return NULL;
    FILE *f = _wfopen(w, wmode);
    int err = errno;
    airoi__free(w);
    errno = err;
    return f;
}

/* The text of a Windows error code, into why. */
static void win_text(char *why, size_t cap, DWORD err)
{
    DWORD n = FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, NULL,
                             err, 0, why, (DWORD)cap, NULL);
    while (n > 0 && (why[n - 1] == '\n' || why[n - 1] == '\r' || why[n - 1] == '.'))
        why[--n] = '\0';
    if (n == 0)
        snprintf(why, cap, "Windows error %lu", (unsigned long)err);
}

int airoi__file_replace(const char *path, const void *data, size_t len)
{
    char why[160];
    wchar_t *w = widen(path);
    if (!w) {
        errno_text(why, sizeof why, errno);
        return airoi__error(errno == ENOMEM ? AIROI_ERR_NOMEM : AIROI_ERR_IO,
                            "%s: cannot open the file for writing: %s", path, why);
    }
    size_t wl = wcslen(w);
    wchar_t *tmp = airoi__reallocarray(NULL, wl + 16, sizeof *tmp);
    if (!tmp) {
        airoi__free(w);
        return airoi__error(AIROI_ERR_NOMEM, "%s: out of memory", path);
    }
    HANDLE h = INVALID_HANDLE_VALUE;
    DWORD seed = GetCurrentProcessId() ^ GetTickCount() ^ GetCurrentThreadId();
    for (int i = 0; i < TEMP_TRIES && h == INVALID_HANDLE_VALUE; i++) {
        /* w + ".XXXXXXXX.tmp" */
        DWORD x = seed + (DWORD)i * 7919u;
        memcpy(tmp, w, wl * sizeof *w);
        tmp[wl] = L'.';
        for (int d = 0; d < 8; d++)
            tmp[wl + 1 + (size_t)d] = L"0123456789abcdef"[(x >> (28 - 4 * d)) & 15u];
        memcpy(tmp + wl + 9, L".tmp", 5 * sizeof *tmp);
        h = CreateFileW(tmp, GENERIC_WRITE, 0, NULL, CREATE_NEW, FILE_ATTRIBUTE_NORMAL, NULL);
        if (h == INVALID_HANDLE_VALUE && GetLastError() != ERROR_FILE_EXISTS)
            break;
    }
    if (h == INVALID_HANDLE_VALUE) {
        win_text(why, sizeof why, GetLastError());
        airoi__free(tmp);
        airoi__free(w);
        return airoi__error(AIROI_ERR_IO, "%s: cannot create a file next to it: %s", path,
                            why);
    }
    const char *p = data;
    size_t left = len;
    DWORD err = 0;
    while (left > 0 && !err) {
        DWORD chunk = left > 0x40000000u ? 0x40000000u : (DWORD)left, done = 0;
        if (!WriteFile(h, p, chunk, &done, NULL) || done == 0)
            err = GetLastError() ? GetLastError() : ERROR_WRITE_FAULT;
        p += done;
        left -= done;
    }
    if (!err && !FlushFileBuffers(h))
        err = GetLastError();
    if (!CloseHandle(h) && !err)
        err = GetLastError();
    const char *step = "write";
    if (!err && !MoveFileExW(tmp, w, MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH)) {
        err = GetLastError();
        step = "replace";
    }
    if (err)
        DeleteFileW(tmp);
    airoi__free(tmp);
    airoi__free(w);
    if (err) {
        win_text(why, sizeof why, err);
        return airoi__error(AIROI_ERR_IO, "%s: cannot %s the file (it is left as it was): %s",
                            path, step, why);
    }
    return AIROI_OK;
}

#else /* POSIX */

FILE *airoi__fopen(const char *path, const char *mode)
{
    return fopen(path, mode);
}

/* Creates a new file named path + ".XXXXXXXX.tmp" (into tmp, of cap
 * bytes) with the permissions the target has, or 0666 less the umask for
 * a new file; the descriptor, or -1 with errno set. */
static int create_temp(char *tmp, size_t cap, const char *path)
{
    struct stat st;
    int keep = stat(path, &st) == 0 && S_ISREG(st.st_mode);
    struct timespec ts = {0, 0};
    clock_gettime(CLOCK_REALTIME, &ts);
    unsigned long seed = (unsigned long)ts.tv_nsec ^ ((unsigned long)getpid() << 16) ^
                         (unsigned long)(uintptr_t)tmp;
    for (int i = 0; i < TEMP_TRIES; i++) {
        snprintf(tmp, cap, "%s.%08lx.tmp", path, (seed + (unsigned long)i * 7919u) & 0xffffffffu);
        int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd >= 0) {
            if (keep)
                (void)fchmod(fd, st.st_mode & 07777);
            return fd;
        }
        if (errno != EEXIST)
            return -1;
    }
    return -1;
}

int airoi__file_replace(const char *path, const void *data, size_t len)
{
    char why[160];
    size_t cap = strlen(path) + 16;
    char *tmp = airoi__malloc(cap);
    if (!tmp)
        return airoi__error(AIROI_ERR_NOMEM, "%s: out of memory", path);
    int fd = create_temp(tmp, cap, path);
    if (fd < 0) {
        errno_text(why, sizeof why, errno);
        airoi__free(tmp);
        return airoi__error(AIROI_ERR_IO, "%s: cannot create a file next to it: %s", path,
                            why);
    }
    const char *p = data;
    size_t left = len;
    int err = 0;
    while (left > 0 && !err) {
        ssize_t done = write(fd, p, left);
        if (done < 0 && errno == EINTR)
            continue;
        if (done <= 0)
            err = done < 0 ? errno : EIO;
        else {
            p += done;
            left -= (size_t)done;
        }
    }
    if (!err && fsync(fd) != 0)
        err = errno;
    if (close(fd) != 0 && !err)
        err = errno;
    const char *step = "write";
    if (!err && rename(tmp, path) != 0) {
        err = errno;
        step = "replace";
    }
    if (err)
        unlink(tmp);
    airoi__free(tmp);
    if (err) {
        errno_text(why, sizeof why, err);
        return airoi__error(AIROI_ERR_IO, "%s: cannot %s the file (it is left as it was): %s",
                            path, step, why);
    }
    return AIROI_OK;
}

#endif
