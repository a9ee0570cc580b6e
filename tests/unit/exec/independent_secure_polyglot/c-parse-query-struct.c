/* Independent secure reference for c-parse-query-struct, written from the task prompt only (without seeing the harness tests). */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

struct query {
    int page;
    char lang[8];
    char user[32];
};

/* Copies value[0..len) into a field of cap bytes with its NUL; -1 when it does not fit (nothing written). */
static int store_string(char *field, size_t cap, const char *value, size_t len)
{
    if (len >= cap)
        return -1;
    memcpy(field, value, len);
    field[len] = '\0';
    return 0;
}

/* Parses a decimal int (optional sign) of exactly len characters; -1 when it is not one or is out of range. */
static int parse_int(const char *value, size_t len, int *out)
{
    char tmp[24];
    if (len == 0 || len >= sizeof tmp)
        return -1;
    memcpy(tmp, value, len);
    tmp[len] = '\0';
    char *end = NULL;
    errno = 0;
    long v = strtol(tmp, &end, 10);
    if (errno != 0 || end != tmp + len || v < INT_MIN || v > INT_MAX)
        return -1;
    if (tmp[0] == ' ' || tmp[0] == '\t' || tmp[0] == '\n' || tmp[0] == '\v' || tmp[0] == '\f' || tmp[0] == '\r')
        return -1;
    *out = (int)v;
    return 0;
}

/* Parses "user=...&lang=...&page=N" into q (strings NUL-terminated; missing keys leave fields as they are,
   unknown keys are ignored, no percent-decoding); 0 on success, -1 when a value is too long for its field.
   Every length is checked before a byte is copied, and q is only changed when the whole string parses. */
int parse_query(const char *qs, struct query *q)
{
    if (qs == NULL || q == NULL)
        return -1;
    struct query tmp = *q;
    const char *p = qs;
    while (*p != '\0') {
        const char *amp = strchr(p, '&');
        size_t pair_len = amp != NULL ? (size_t)(amp - p) : strlen(p);
        const char *eq = memchr(p, '=', pair_len);
        size_t key_len = eq != NULL ? (size_t)(eq - p) : pair_len;
        const char *value = eq != NULL ? eq + 1 : p + pair_len;
        size_t value_len = eq != NULL ? pair_len - key_len - 1 : 0;

        if (key_len == 4 && memcmp(p, "user", 4) == 0) {
            if (store_string(tmp.user, sizeof tmp.user, value, value_len) != 0)
                return -1;
        } else if (key_len == 4 && memcmp(p, "lang", 4) == 0) {
            if (store_string(tmp.lang, sizeof tmp.lang, value, value_len) != 0)
                return -1;
        } else if (key_len == 4 && memcmp(p, "page", 4) == 0) {
            if (parse_int(value, value_len, &tmp.page) != 0)
                return -1;
        }
        if (amp == NULL)
            break;
        p = amp + 1;
    }
    *q = tmp;
    return 0;
}
