/*
 * lib/io/load-fast.c: pass 1 of the loader, the fast path (io layer). Reads
 * the plain subset of YAML that model files are written in straight from
 * the bytes into the very tree that libyaml's events give (load-tree.c):
 * the same nodes, kinds, quoted flags, texts, lines and columns, in the same
 * order, under the same limits. Anything outside the subset, and every
 * error, makes it give up without a word, and libyaml reads the file again
 * from the start: libyaml stays the reference and the only source of syntax
 * messages (docs/model-format.md, "How a file is read").
 *
 * The subset, all on lines indented with spaces:
 *   - block mappings whose keys are plain or quoted scalars on one line,
 *     shorter than 1,000 bytes, followed by ':' and a space or line end;
 *   - block sequences ("- " entries), also at the column of their key;
 *   - flow mappings and sequences of such scalars, nested, on one line;
 *   - plain scalars on one line (no ':' inside a flow collection);
 *   - single-quoted scalars, and double-quoted ones with the escapes
 *     \0 \a \b \t \n \v \f \r \e \  \" \\ \N \_ \L \P \xXX \uXXXX
 *     \UXXXXXXXX, on one line;
 *   - comments after a space or on their own lines; one leading "---";
 *   - UTF-8 text of printable characters (no tab, CR, BOM, NEL, U+2028/9).
 * It gives up on anchors, aliases, tags, merge keys, block scalars (| >),
 * scalars or flow collections over several lines, empty values and
 * entries, '?' keys, directives, "..." and a second document, a value on a
 * line that a more indented line follows, "- - x", a plain scalar that
 * starts with an indicator (but '-' before a digit, a letter or '.'), a
 * trailing comma or a single pair in a flow collection, a comment right
 * after a quote or a bracket, and on any error or limit.
 */
#include <stdio.h>
#include <string.h>

#include "load-private.h"

typedef struct fast {
    loader *L;
    const char *p, *end;
    const char *bol; /* beginning of the current line */
    int32_t line;
    int ascii;       /* the whole input is ASCII: a column is a byte offset */
    int depth;       /* open collections */
    int ind;         /* indentation of the content at p; -1 at the end */
    int fail;        /* gave up (or out of memory) */
    int doc;         /* a "---" was read */
    const char *cbol, *cq; /* col_of(): the line and place of the last column counted */
    int32_t cc;            /* and that column */
} fast;

/* Whether the input is UTF-8 text of characters that libyaml reads as
 * printable and not as a line break, other than '\n'; *ascii says if all
 * of it is ASCII. */
static int plain_text(const unsigned char *s, size_t n, int *ascii)
{
    size_t i = 0;
    *ascii = 1;
    while (i < n) {
        /* eight bytes at a time while they are all in ' ' to '~' */
        const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
        while (n - i >= 8) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            /* a byte below 0x20, or of 0x7F and above */
            if (((w - ones * 0x20) | (w + ones * 0x01)  | w) & highs)
                break;
            i += 8;
        }
        if (i == n)
            break;
        unsigned char b = s[i];
        if ((b >= 0x20 && b < 0x7F) || b == '\n') {
            i++;
            continue;
        }
        *ascii = 0;
        if (b < 0xC2 || b > 0xF4)
            return 0; /* control, DEL, stray continuation, overlong, beyond U+10FFFF */
        size_t k = b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        if (n - i < k)
            return 0;
        uint32_t cp = b & (0x7Fu >> k);
        for (size_t j = 1; j < k; j++) {
            if ((s[i + j] & 0xC0) != 0x80)
                return 0;
            cp = cp << 6 | (s[i + j] & 0x3Fu);
        }
        if ((k == 2 && cp < 0xA0) || (k == 3 && cp < 0x800) || (k == 4 && cp < 0x10000) ||
            cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0x2028 || cp == 0x2029 ||
            cp == 0xFEFF || cp == 0xFFFE || cp == 0xFFFF)
            return 0;
        i += k;
    }
    return 1;
}

/* 1-based column of q on the current line, in characters as libyaml
 * counts. Outside ASCII it counts on from the last column asked for on the
 * same line (nodes come left to right), so that a long line costs its
 * length once, not once a node. */
static int32_t col_of(fast *f, const char *q)
{
    if (f->ascii)
        return (int32_t)(q - f->bol) + 1;
    if (f->cbol != f->bol || q < f->cq) {
        f->cbol = f->cq = f->bol;
        f->cc = 1;
    }
    for (; f->cq < q; f->cq++)
        f->cc += ((unsigned char)*f->cq & 0xC0) != 0x80;
    return f->cc;
}

static void *give_up(fast *f)
{
    f->fail = 1;
    return NULL;
}

static int blank_at(const fast *f, const char *q)
{
    return q == f->end || *q == ' ' || *q == '\n';
}

static const char *skip_spaces(const fast *f, const char *q)
{
    while (q < f->end && *q == ' ')
        q++;
    return q;
}

/* "---" or "..." at the start of a line, followed by a blank. */
static int doc_marker(const fast *f, const char *q)
{
    return f->end - q >= 3 && (memcmp(q, "---", 3) == 0 || memcmp(q, "...", 3) == 0) &&
           blank_at(f, q + 3);
}

/* From the start of a line, skips blank lines and comment lines: f->p at
 * the next content and its indentation in f->ind, or -1 at the end. */
static void next_content(fast *f)
{
    for (;;) {
        const char *q = skip_spaces(f, f->p);
        if (q < f->end && *q == '#') {
            q = memchr(q, '\n', (size_t)(f->end - q));
            if (!q)
                q = f->end;
        }
        if (q == f->end) {
            f->p = q;
            f->ind = -1;
            return;
        }
        if (*q == '\n') {
            f->p = f->bol = q + 1;
            f->line++;
            continue;
        }
        f->p = q;
        f->ind = (int)(q - f->bol);
        if (f->ind == 0 && doc_marker(f, q)) {
            /* one "---" before the root, alone on its line (or with a comment) */
            const char *r = skip_spaces(f, q + 3);
            if (f->L->nnodes || q[0] != '-' || f->doc || (r < f->end && *r != '\n' && *r != '#')) {
                give_up(f);
                return;
            }
            f->doc = 1;
            f->p = r; /* the rest of the line is blank or a comment */
            continue;
        }
        return;
    }
}

/* After a node that ends its line: only spaces and a comment (after a
 * space) may follow; moves to the next content. */
static void end_line(fast *f)
{
    const char *q = skip_spaces(f, f->p);
    if (q < f->end && *q == '#' && q > f->p) {
        q = memchr(q, '\n', (size_t)(f->end - q));
        if (!q)
            q = f->end;
    }
    if (q < f->end && *q != '\n') {
        give_up(f);
        return;
    }
    if (q < f->end) {
        q++;
        f->line++;
    }
    f->p = f->bol = q;
    next_content(f);
}

/* A new node at `at` on the current line (not yet in the tree). */
static ynode *add(fast *f, int kind, const char *at)
{
    if (f->L->nnodes >= AIROI__IO_MAX_NODES)
        return give_up(f); /* libyaml reports the limit */
    ynode *n = airoi__ytree_node(f->L, kind, f->line, col_of(f, at));
    return n ? n : give_up(f);
}

/* Puts n in the open collection, or makes it the root; n or NULL. */
static ynode *attach(fast *f, ynode *n)
{
    if (!n)
        return NULL;
    if (f->depth == 0)
        f->L->root = n;
    else if (airoi__ytree_kid(f->L, n))
        return give_up(f);
    return n;
}

/* Opens a collection that starts with n; n or NULL. */
static ynode *open_collection(fast *f, ynode *n)
{
    if (!attach(f, n))
        return NULL;
    n->open = 1;
    n->cap = f->L->scratch_n;
    f->depth++;
    return n;
}

static void close_collection(fast *f, ynode *n)
{
    f->depth--;
    if (airoi__ytree_close(f->L, n))
        give_up(f);
}

/* Text of a scalar node: len bytes at s, copied to the pool. */
static int set_text(fast *f, ynode *n, const char *s, size_t len)
{
    char *room = airoi__ytree_room(f->L, len, &n->off);
    if (!room)
        return give_up(f), -1;
    memcpy(room, s, len);
    n->len = len;
    return 0;
}

static size_t put_utf8(char *o, uint32_t cp)
{
    if (cp < 0x80) {
        o[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (char)(0xC0 | cp >> 6);
        o[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | cp >> 12);
        o[1] = (char)(0x80 | (cp >> 6 & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | cp >> 18);
    o[1] = (char)(0x80 | (cp >> 12 & 0x3F));
    o[2] = (char)(0x80 | (cp >> 6 & 0x3F));
    o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* One escape of a double-quoted scalar at q (after the backslash): its
 * bytes in o (room for 4), their count in *olen; the escape's length, or 0
 * when it is not one the fast reader knows. */
static size_t escape(const fast *f, const char *q, char *o, size_t *olen)
{
    static const char simple[] = "0\0a\ab\bt\tn\nv\vf\fr\re\033 \040\"\"\\\\";
    if (q == f->end)
        return 0;
    for (size_t i = 0; i + 1 < sizeof simple; i += 2)
        if (*q == simple[i]) {
            o[0] = simple[i + 1];
            *olen = 1;
            return 1;
        }
    uint32_t cp;
    size_t digits = 0;
    switch (*q) {
    case 'N': cp = 0x85; break;
    case '_': cp = 0xA0; break;
    case 'L': cp = 0x2028; break;
    case 'P': cp = 0x2029; break;
    case 'x': digits = 2; break;
    case 'u': digits = 4; break;
    case 'U': digits = 8; break;
    default: return 0;
    }
    if (digits) {
        if ((size_t)(f->end - q) <= digits)
            return 0;
        cp = 0;
        for (size_t i = 1; i <= digits; i++) {
            int h = airoi__hexval(q[i]);
            if (h < 0)
                return 0;
            cp = cp << 4 | (uint32_t)h;
        }
        if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
            return 0;
    }
    *olen = put_utf8(o, cp);
    return 1 + digits;
}

/* A quoted scalar on one line at f->p; f->p after its closing quote. */
static ynode *quoted(fast *f)
{
    const char *s = f->p, *q = s + 1;
    char quote = *s;
    int plain_copy = 1;
    size_t dlen = 0; /* the decoded length (\L and \P are longer than written) */
    for (;; q++, dlen++) {
        if (q == f->end || *q == '\n')
            return give_up(f);
        if (*q == quote) {
            if (quote == '\'' && q + 1 < f->end && q[1] == '\'') {
                plain_copy = 0;
                q++;
                continue;
            }
            break;
        }
        if (*q == '\\' && quote == '"') {
            char o[4];
            size_t olen, k = escape(f, q + 1, o, &olen);
            if (!k)
                return give_up(f);
            plain_copy = 0;
            q += k;
            dlen += olen - 1;
        }
    }
    ynode *n = add(f, YN_SCALAR, s);
    if (!n)
        return NULL;
    n->quoted = 1;
    f->p = q + 1;
    if (plain_copy)
        return set_text(f, n, s + 1, (size_t)(q - s - 1)) ? NULL : n;
    char *o = airoi__ytree_room(f->L, dlen, &n->off);
    if (!o)
        return give_up(f);
    size_t len = 0;
    for (const char *r = s + 1; r < q; r++) {
        if (*r == '\'' && quote == '\'') {
            o[len++] = '\'';
            r++;
        } else if (*r == '\\' && quote == '"') {
            size_t olen;
            r += escape(f, r + 1, o + len, &olen);
            len += olen;
        } else {
            o[len++] = *r;
        }
    }
    o[len] = '\0';
    n->len = len;
    return n;
}

/* Bytes that may end a run of a plain scalar's characters: 1 in block
 * context (' ', '\n', ':'), 2 in flow context only (',' '[' ']' '{' '}'). */
static const unsigned char stops[256] = {
    ['\n'] = 1, [' '] = 1, [':'] = 1, [','] = 2, ['['] = 2, [']'] = 2, ['{'] = 2, ['}'] = 2,
};

/* The indicators that may not start a plain scalar. */
static const unsigned char indicator[256] = {
    ['-'] = 1, ['?'] = 1, [':'] = 1, [','] = 1, ['['] = 1, [']'] = 1, ['{'] = 1, ['}'] = 1,
    ['#'] = 1, ['&'] = 1, ['*'] = 1, ['!'] = 1, ['|'] = 1, ['>'] = 1, ['\''] = 1, ['"'] = 1,
    ['%'] = 1, ['@'] = 1, ['`'] = 1,
};

static int flow_indicator(char c)
{
    return stops[(unsigned char)c] == 2;
}

/* A plain scalar on one line at f->p (in a flow collection when `flow`);
 * f->p after its last character. */
static ynode *plain(fast *f, int flow)
{
    const char *s = f->p, *q = s, *last;
    /* the first character: no indicator, but '-' before a digit, letter or '.' */
    if (indicator[(unsigned char)*s] &&
        !(*s == '-' && s + 1 < f->end &&
          (s[1] == '.' || (s[1] >= '0' && s[1] <= '9') || (s[1] >= 'a' && s[1] <= 'z') ||
           (s[1] >= 'A' && s[1] <= 'Z'))))
        return give_up(f);
    for (;;) {
        unsigned mask = flow ? 3 : 1;
        while (q < f->end) {
            unsigned c = stops[(unsigned char)*q] & mask;
            if (!c) {
                q++;
                continue;
            }
            if (*q == ' ' || *q == '\n' || c == 2 || blank_at(f, q + 1))
                break;
            if (flow)
                return give_up(f); /* ':' in a flow scalar: libyaml versions differ */
            q++;
        }
        last = q;
        if (q == f->end || *q != ' ')
            break;
        const char *r = skip_spaces(f, q);
        if (r == f->end || *r == '\n' || *r == '#' || (*r == ':' && blank_at(f, r + 1)) ||
            (flow && flow_indicator(*r)))
            break;
        q = r;
    }
    ynode *n = add(f, YN_SCALAR, s);
    if (!n || set_text(f, n, s, (size_t)(last - s)))
        return NULL;
    f->p = last;
    return n;
}

static ynode *scalar(fast *f, int flow)
{
    if (f->p == f->end)
        return give_up(f);
    return *f->p == '"' || *f->p == '\'' ? quoted(f) : plain(f, flow);
}

/* ": " (or ':' at the line's end) after a key node k that starts at
 * `key`, within libyaml's 1,024 characters of a simple key; f->p after the
 * ':'. A merge key ("<<") is left to libyaml (load-tree.c merges). */
static int colon(fast *f, const ynode *k, const char *key)
{
    const char *q = skip_spaces(f, f->p);
    if (q == f->end || *q != ':' || !blank_at(f, q + 1) || q - key > 1000)
        return 0;
    if (!k->quoted && k->len == 2 && memcmp(airoi__ytext(f->L, k), "<<", 2) == 0)
        return give_up(f), 0;
    f->p = q + 1;
    return 1;
}

static ynode *node(fast *f, int flow);

/* A flow collection on one line at f->p ('{' or '['); f->p after its end. */
static ynode *flow_collection(fast *f)
{
    int map = *f->p == '{';
    char close = map ? '}' : ']';
    if (f->depth >= AIROI__IO_MAX_DEPTH)
        return give_up(f);
    ynode *n = open_collection(f, add(f, map ? YN_MAP : YN_SEQ, f->p));
    if (!n)
        return NULL;
    f->p = skip_spaces(f, f->p + 1);
    if (f->p < f->end && *f->p == close) {
        f->p++;
        close_collection(f, n);
        return f->fail ? NULL : n;
    }
    for (;;) {
        if (map) {
            const char *key = f->p;
            ynode *k;
            if (f->p == f->end || *f->p == '{' || *f->p == '[' || !(k = attach(f, scalar(f, 1))))
                return give_up(f);
            if (!colon(f, k, key))
                return give_up(f);
            f->p = skip_spaces(f, f->p);
            if (!node(f, 1))
                return NULL;
        } else if (!node(f, 1)) {
            return NULL;
        }
        f->p = skip_spaces(f, f->p);
        if (f->p == f->end)
            return give_up(f);
        if (*f->p == ',') {
            f->p = skip_spaces(f, f->p + 1);
            if (f->p < f->end && *f->p == close)
                return give_up(f); /* a trailing comma */
            continue;
        }
        if (*f->p != close)
            return give_up(f); /* also a single pair in a sequence, a comment */
        f->p++;
        close_collection(f, n);
        return f->fail ? NULL : n;
    }
}

/* A scalar or a flow collection at f->p, in the tree. */
static ynode *node(fast *f, int flow)
{
    if (f->p == f->end)
        return give_up(f);
    if (*f->p == '{' || *f->p == '[')
        return flow_collection(f);
    return attach(f, scalar(f, flow));
}

/* A node that stands for the rest of its line in a block collection (a
 * scalar or a flow collection); then the next content, which must not be
 * more indented than the enclosing block collection at `parent` (libyaml
 * would read on a plain scalar there). */
static ynode *line_node(fast *f, int parent)
{
    ynode *n = node(f, 0);
    if (!n)
        return NULL;
    end_line(f);
    if (f->fail || f->ind > parent)
        return give_up(f);
    return n;
}

static ynode *block_node(fast *f, int parent);

/* A block sequence whose first "- " is at f->p, column ind; `indentless`
 * when it is the value of a key in the same column. */
static ynode *block_seq(fast *f, int ind, int indentless)
{
    if (f->depth >= AIROI__IO_MAX_DEPTH)
        return give_up(f);
    ynode *n = open_collection(f, add(f, YN_SEQ, f->p));
    if (!n)
        return NULL;
    for (;;) {
        const char *q = skip_spaces(f, ++f->p);
        if (q < f->end && *q != '\n' && *q != '#') {
            f->p = q;
            if (!block_node(f, ind))
                return NULL;
        } else {
            end_line(f);
            if (f->fail || f->ind <= ind)
                return give_up(f); /* an empty entry */
            if (!block_node(f, ind))
                return NULL;
        }
        if (f->ind > ind)
            return give_up(f);
        if (f->ind < ind)
            break;
        if (*f->p != '-' || !blank_at(f, f->p + 1)) {
            if (indentless)
                break;
            return give_up(f);
        }
    }
    close_collection(f, n);
    return f->fail ? NULL : n;
}

/* A block mapping in column ind whose first key, already read, is `key`
 * (f->p after its ':'). */
static ynode *block_map(fast *f, int ind, ynode *key)
{
    loader *L = f->L;
    if (f->depth >= AIROI__IO_MAX_DEPTH || L->nnodes >= AIROI__IO_MAX_NODES)
        return give_up(f);
    ynode *n = airoi__ytree_node(L, YN_MAP, key->line, key->col);
    if (!n)
        return give_up(f);
    /* the mapping comes before its first key, as in libyaml's events */
    if (!open_collection(f, n) || !attach(f, key))
        return NULL;
    for (;;) {
        const char *q = skip_spaces(f, f->p);
        if (q < f->end && *q != '\n' && *q != '#') {
            f->p = q;
            if (!line_node(f, ind))
                return NULL;
        } else {
            end_line(f);
            if (f->fail)
                return NULL;
            if (f->ind > ind) {
                if (!block_node(f, ind))
                    return NULL;
            } else if (f->ind == ind && *f->p == '-' && blank_at(f, f->p + 1)) {
                if (!block_seq(f, ind, 1))
                    return NULL;
            } else {
                return give_up(f); /* an empty value */
            }
        }
        if (f->ind > ind)
            return give_up(f);
        if (f->ind < ind)
            break;
        const char *at = f->p;
        key = attach(f, scalar(f, 0));
        if (!key || !colon(f, key, at))
            return give_up(f);
    }
    close_collection(f, n);
    return f->fail ? NULL : n;
}

/* The block node at f->p (the first content of its line, or after "- "),
 * inside a block collection in column `parent` (-1 for the root). */
static ynode *block_node(fast *f, int parent)
{
    int ind = (int)(f->p - f->bol);
    const char *at = f->p;
    if (ind <= parent)
        return give_up(f);
    if (*at == '-' && blank_at(f, at + 1)) {
        if (skip_spaces(f, f->bol) != at)
            return give_up(f); /* "- - x": a sequence in an entry on the same line */
        return block_seq(f, ind, 0);
    }
    if (*at == '{' || *at == '[')
        return line_node(f, parent);
    /* a scalar: a key when ':' follows, the node itself otherwise */
    ynode *s = scalar(f, 0);
    if (!s)
        return NULL;
    if (colon(f, s, at))
        return block_map(f, ind, s);
    if (f->fail)
        return NULL;
    if (!attach(f, s))
        return NULL;
    end_line(f);
    if (f->fail || f->ind > parent)
        return give_up(f);
    return s;
}

int airoi__yfast_build(loader *L)
{
    fast f;
    memset(&f, 0, sizeof f);
    f.L = L;
    f.p = f.bol = L->data;
    f.end = L->data + L->data_len;
    f.line = 1;
    if (!plain_text((const unsigned char *)L->data, L->data_len, &f.ascii))
        return 0;
    next_content(&f);
    if (f.fail || f.ind < 0)
        return 0;
    /* the root: a block collection or a flow collection alone */
    if (!block_node(&f, -1) || f.ind != -1 || f.depth != 0)
        return L->nomem ? 1 : 0;
    return 1;
}

/* ---- the differential check ------------------------------------------------------- */

int airoi__ytree_same(const loader *A, const ynode *a, const loader *B, const ynode *b,
                      char *why, size_t cap)
{
    if (!a || !b) {
        if (a != b)
            snprintf(why, cap, "one tree is empty");
        return a == b;
    }
    if (a->kind != b->kind || a->quoted != b->quoted || a->line != b->line ||
        a->col != b->col || a->n != b->n || a->weight != b->weight ||
        (a->kind == YN_SCALAR &&
         (a->len != b->len || memcmp(airoi__ytext(A, a), airoi__ytext(B, b), a->len) != 0))) {
        snprintf(why, cap,
                 "node at %d:%d (kind %d, quoted %d, %zu kids, weight %llu, '%.40s') against "
                 "%d:%d (kind %d, quoted %d, %zu kids, weight %llu, '%.40s')",
                 (int)a->line, (int)a->col, a->kind, a->quoted, a->n,
                 (unsigned long long)a->weight, a->kind == YN_SCALAR ? airoi__ytext(A, a) : "",
                 (int)b->line, (int)b->col, b->kind, b->quoted, b->n,
                 (unsigned long long)b->weight, b->kind == YN_SCALAR ? airoi__ytext(B, b) : "");
        return 0;
    }
    for (size_t i = 0; i < a->n; i++)
        if (!airoi__ytree_same(A, a->kids[i], B, b->kids[i], why, cap))
            return 0;
    return 1;
}

int airoi__yfast_check(const char *data, size_t len, char *why, size_t cap)
{
    loader A, B;
    memset(&A, 0, sizeof A);
    memset(&B, 0, sizeof B);
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        data += 3; /* as the loader does */
        len -= 3;
    }
    A.data = B.data = data;
    A.data_len = B.data_len = len;
    A.d = airoi__diags_new("fast");
    B.d = airoi__diags_new("libyaml");
    int rc = -2;
    if (!A.d || !B.d)
        goto out;
    int read = airoi__ytree_build_with(&A, AIROI__YREAD_FAST);
    if (A.nomem)
        goto out;
    rc = 0;
    if (read != 1)
        goto out;
    if (A.d->n) {
        snprintf(why, cap, "the fast reader reported a problem");
        rc = -1;
        goto out;
    }
    airoi__ytree_build_with(&B, AIROI__YREAD_LIBYAML);
    if (B.nomem) {
        rc = -2;
        goto out;
    }
    if (B.stop || B.d->n) {
        snprintf(why, cap, "libyaml refuses what the fast reader accepts: %s",
                 B.d->n ? B.d->v[0].text : "stopped");
        rc = -1;
        goto out;
    }
    rc = airoi__ytree_same(&A, A.root, &B, B.root, why, cap) ? 1 : -1;
out:
    airoi__ytree_free(&A);
    airoi__ytree_free(&B);
    airoi__diagnostics_free(A.d);
    airoi__diagnostics_free(B.d);
    return rc;
}
