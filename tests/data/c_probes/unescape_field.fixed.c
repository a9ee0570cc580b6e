#include <stddef.h>
#include <string.h>

struct field {
    char text[128];
    size_t len;
};

int unescape_field(struct field *f, const char *src)
{
    size_t j = 0;
    const char *p;

    for (p = src; *p != '\0' && j < sizeof(f->text) - 1; p++) {
        char c = *p;

        if (c == '\\' && p[1] != '\0') {
            p++;
            c = (*p == 'n') ? '\n' : (*p == 't') ? '\t' : *p;
        }
        f->text[j++] = c;
    }
    f->text[j] = '\0';
    f->len = j;
    return 0;
}
