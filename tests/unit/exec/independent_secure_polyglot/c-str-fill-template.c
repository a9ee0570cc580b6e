/* Independent secure reference for c-str-fill-template, written from the task prompt only (without seeing the harness tests). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define PLACEHOLDER "{name}"
#define PLACEHOLDER_LEN (sizeof PLACEHOLDER - 1)

/* Returns a new malloc'd copy of tpl with every "{name}" replaced by name (caller frees), NULL when memory
   runs out. The size is computed from the real number of placeholders and the real length of name (it can
   be any length), with every addition and multiplication checked for overflow before malloc. */
char *fill_template(const char *tpl, const char *name)
{
    if (tpl == NULL)
        return NULL;
    if (name == NULL)
        name = "";
    size_t tpl_len = strlen(tpl);
    size_t name_len = strlen(name);

    size_t count = 0;
    for (const char *p = strstr(tpl, PLACEHOLDER); p != NULL; p = strstr(p + PLACEHOLDER_LEN, PLACEHOLDER))
        count++;

    /* size = tpl_len - count * PLACEHOLDER_LEN + count * name_len + 1 */
    size_t base = tpl_len - count * PLACEHOLDER_LEN; /* cannot wrap: the placeholders are inside tpl */
    if (name_len != 0 && count > (SIZE_MAX - 1 - base) / name_len)
        return NULL;
    size_t size = base + count * name_len + 1;

    char *out = malloc(size);
    if (out == NULL)
        return NULL;
    char *w = out;
    const char *r = tpl;
    for (const char *p = strstr(r, PLACEHOLDER); p != NULL; p = strstr(r, PLACEHOLDER)) {
        size_t lit = (size_t)(p - r);
        memcpy(w, r, lit);
        w += lit;
        memcpy(w, name, name_len);
        w += name_len;
        r = p + PLACEHOLDER_LEN;
    }
    size_t rest = strlen(r);
    memcpy(w, r, rest);
    w[rest] = '\0';
    return out;
}
