#include <stddef.h>
#include <string.h>
#include <strings.h>

int get_header(const char *request, const char *name, char *out, size_t out_size)
{
    (void)out_size;
    size_t n = strlen(name);
    const char *p = strstr(request, "\r\n");
    while (p != NULL) {
        p += 2;
        if (strncasecmp(p, name, n) == 0 && p[n] == ':') {
            p += n + 1;
            while (*p == ' ')
                p++;
            size_t i = 0;
            while (p[i] != '\r' && p[i] != '\0') {
                out[i] = p[i];
                i++;
            }
            out[i] = '\0';
            return 0;
        }
        p = strstr(p, "\r\n");
    }
    return -1;
}
